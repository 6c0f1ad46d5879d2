import type { ApiHolder } from '@backstage/core-plugin-api';
import { internalApiLookupsApiRef } from '../api/InternalApiLookups';
import {
  filtersOf,
  previewRequest,
  placementSummary,
  previewZones,
  rowsOf,
  validateSubnetFilters,
} from './subnetFilters';

const holder = (api: object): ApiHolder => ({
  get: ref =>
    ref.id === internalApiLookupsApiRef.id ? (api as any) : undefined,
});

const collect = () => {
  const errors: string[] = [];
  return {
    errors,
    validation: { addError: (e: string) => errors.push(e) } as any,
  };
};

const tierPrivate = [{ name: 'tag:Tier', values: ['private'] }];

describe('subnet filter rows', () => {
  it('edits values as comma-separated text and trims them back into filters', () => {
    expect(rowsOf(tierPrivate)).toEqual([
      { name: 'tag:Tier', values: 'private' },
    ]);
    expect(
      filtersOf([
        { name: ' availability-zone ', values: 'eu-west-1a, eu-west-1b, ' },
      ]),
    ).toEqual([
      { name: 'availability-zone', values: ['eu-west-1a', 'eu-west-1b'] },
    ]);
  });

  it('asks for a preview only when the account, region and every filter are filled in', () => {
    const form = { accountId: '444455556666', region: 'eu-west-1' };
    expect(previewRequest(form, tierPrivate)).toEqual({
      ...form,
      subnetFilters: tierPrivate,
    });
    expect(
      previewRequest({ region: 'eu-west-1' }, tierPrivate),
    ).toBeUndefined();
    expect(
      previewRequest(form, [{ name: 'tag:Tier', values: [] }]),
    ).toBeUndefined();
    expect(previewRequest(form, [])).toBeUndefined();
  });

  it('marks the zones that hold more than one subnet', () => {
    const subnet = (id: string) => ({
      subnetId: id,
      availabilityZone: 'a',
      cidr: '10.0.0.0/24',
    });
    expect(
      previewZones({
        zones: [
          {
            availabilityZone: 'eu-west-1a',
            subnets: [subnet('s1'), subnet('s2')],
          },
          { availabilityZone: 'eu-west-1b', subnets: [subnet('s3')] },
        ],
        problems: [],
      }).map(zone => [zone.availabilityZone, zone.crowded]),
    ).toEqual([
      ['eu-west-1a', true],
      ['eu-west-1b', false],
    ]);
  });
});

describe('placementSummary', () => {
  const zone = (az: string, id: string, cidr: string) => ({
    availabilityZone: az,
    subnets: [{ subnetId: id, availabilityZone: az, cidr }],
  });

  it('lists one subnet per zone for the Review page, and nothing while there are problems', () => {
    const zones = [
      zone('eu-west-1a', 's-1', '10.0.1.0/24'),
      zone('eu-west-1b', 's-2', '10.0.2.0/24'),
    ];
    expect(placementSummary({ zones, problems: [] })).toBe(
      'eu-west-1a: s-1 (10.0.1.0/24); eu-west-1b: s-2 (10.0.2.0/24)',
    );
    expect(
      placementSummary({ zones, problems: ['two in one zone'] }),
    ).toBeUndefined();
    expect(placementSummary(undefined)).toBeUndefined();
  });
});

describe('validateSubnetFilters', () => {
  const formData = { accountId: '555566667777', region: 'eu-west-1' };

  it('turns the placement problems into errors that block Next', async () => {
    const previewPlacement = jest.fn().mockResolvedValue({
      zones: [],
      problems: [
        'subnetFilters match more than one subnet in an Availability Zone (eu-west-1a: …)',
      ],
    });
    const { errors, validation } = collect();
    await validateSubnetFilters(tierPrivate, validation, {
      apiHolder: holder({ previewPlacement }),
      formData,
    });
    expect(previewPlacement).toHaveBeenCalledWith({
      ...formData,
      subnetFilters: tierPrivate,
    });
    expect(errors).toEqual([
      'subnetFilters match more than one subnet in an Availability Zone (eu-west-1a: …)',
    ]);
  });

  it('passes a placement without problems', async () => {
    const { errors, validation } = collect();
    await validateSubnetFilters(tierPrivate, validation, {
      apiHolder: holder({
        previewPlacement: async () => ({ zones: [], problems: [] }),
      }),
      formData,
    });
    expect(errors).toEqual([]);
  });

  it('says when the backend cannot be asked, and asks for missing input first', async () => {
    const failing = collect();
    await validateSubnetFilters(tierPrivate, failing.validation, {
      apiHolder: holder({
        previewPlacement: async () => {
          throw new Error('AWS could not be asked for the subnets: timeout');
        },
      }),
      formData,
    });
    expect(failing.errors).toEqual([
      'Could not check the subnets: AWS could not be asked for the subnets: timeout',
    ]);

    const incomplete = collect();
    await validateSubnetFilters(
      [{ name: 'tag:Tier', values: [] }],
      incomplete.validation,
      {
        apiHolder: holder({}),
        formData,
      },
    );
    expect(incomplete.errors).toEqual([
      'Choose the account, then give every filter a name and at least one value.',
    ]);
  });
});
