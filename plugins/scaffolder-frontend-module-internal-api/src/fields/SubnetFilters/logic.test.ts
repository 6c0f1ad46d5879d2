import { placementPreview, zone } from '../../__testUtils__/wireFixtures';
import {
  filtersOf,
  filtersPreviewRequest,
  placementMessages,
  previewZones,
  rowsOf,
} from './logic';

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

  it('previews in the account and region the form names, by default accountId and region', () => {
    const form = {
      accountId: '444455556666',
      region: 'eu-west-1',
      workloadAccount: '555566667777',
    };
    expect(filtersPreviewRequest(form, tierPrivate, undefined)).toEqual({
      accountId: '444455556666',
      region: 'eu-west-1',
      subnetFilters: tierPrivate,
    });
    expect(
      filtersPreviewRequest(form, tierPrivate, {
        accountField: 'workloadAccount',
      }),
    ).toEqual({
      accountId: '555566667777',
      region: 'eu-west-1',
      subnetFilters: tierPrivate,
    });
    expect(
      filtersPreviewRequest(form, tierPrivate, {
        regionField: 'workloadRegion',
      }),
    ).toBeUndefined();
  });

  it('marks the zones that hold more than one subnet', () => {
    expect(
      previewZones(
        placementPreview([
          zone('eu-west-1a', ['s1', '10.0.1.0/24'], ['s2', '10.0.2.0/24']),
          zone('eu-west-1b', ['s3', '10.0.3.0/24']),
        ]),
      ).map(z => [z.availabilityZone, z.crowded]),
    ).toEqual([
      ['eu-west-1a', true],
      ['eu-west-1b', false],
    ]);
    expect(previewZones({ problems: ['not configured'] })).toEqual([]);
    expect(previewZones(undefined)).toEqual([]);
  });
});

describe('placementMessages', () => {
  const request = {
    accountId: '555566667777',
    region: 'eu-west-1',
    subnetFilters: tierPrivate,
  };
  const crowded =
    'subnetFilters match more than one subnet in an Availability Zone (eu-west-1a: s1, s2).';
  const refused = placementPreview(
    [zone('eu-west-1a', ['s1', '10.0.1.0/24'], ['s2', '10.0.2.0/24'])],
    [crowded],
  );
  const fits = placementPreview([
    zone('eu-west-1a', ['s1', '10.0.1.0/24']),
    zone('eu-west-1b', ['s3', '10.0.3.0/24']),
  ]);
  const staleError =
    'The subnet filters match more than one subnet in an Availability Zone (eu-west-1a: s1, s2).';

  it('says what the live preview says, and that Next stays blocked while it refuses', () => {
    expect(
      placementMessages({
        request,
        preview: { value: refused, loading: false },
        rawErrors: [],
        shownByForm: [],
      }),
    ).toEqual([
      { text: staleError, error: true },
      { text: 'Next stays blocked until this is fixed.', error: true },
    ]);
  });

  it('reads as fixed as soon as the preview fits, whatever the last Next said', () => {
    expect(
      placementMessages({
        request,
        preview: { value: fits, loading: false },
        rawErrors: [staleError],
        shownByForm: [],
      }),
    ).toEqual([
      {
        text: 'One subnet in each of 2 zones of vpc-p (10.20.0.0/16): the load balancer can use them.',
        error: false,
      },
    ]);
  });

  it('asks for the account and filters, red once Next was pressed without them', () => {
    const ask = (rawErrors: string[]) =>
      placementMessages({
        request: undefined,
        preview: { loading: false },
        rawErrors,
        shownByForm: [],
      });
    expect(ask([])).toEqual([
      {
        text: 'Pick the AWS account above, then give every filter a name and at least one value, e.g. tag:Tier = private.',
        error: false,
      },
    ]);
    expect(ask(['anything'])[0].error).toBe(true);
  });

  it('says it is looking, and why it could not', () => {
    expect(
      placementMessages({
        request,
        preview: { value: fits, loading: true },
        rawErrors: [],
        shownByForm: [],
      })[0],
    ).toEqual({ text: 'Looking up subnets…', error: false });
    expect(
      placementMessages({
        request,
        preview: { error: new Error('HTTP 503'), loading: false },
        rawErrors: [],
        shownByForm: [],
      }),
    ).toEqual([
      { text: 'Could not look up the subnets: HTTP 503', error: true },
    ]);
  });

  it('leaves out what the form already draws under the field (a template without ui:hideError)', () => {
    expect(
      placementMessages({
        request,
        preview: { value: refused, loading: false },
        rawErrors: [staleError],
        shownByForm: [staleError],
      }),
    ).toEqual([
      { text: 'Next stays blocked until this is fixed.', error: true },
    ]);
  });
});
