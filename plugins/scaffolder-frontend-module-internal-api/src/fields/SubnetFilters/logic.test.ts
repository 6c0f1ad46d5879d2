import { placementPreview, zone } from '../../__testUtils__/wireFixtures';
import {
  filtersOf,
  filtersPreviewRequest,
  previewZones,
  rowsOf,
  unreportedProblems,
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

  it('leaves out the problems the form already shows as field errors', () => {
    expect(
      unreportedProblems({ problems: ['two in one zone', 'one zone only'] }, [
        'two in one zone',
      ]),
    ).toEqual(['one zone only']);
    expect(unreportedProblems(undefined, undefined)).toEqual([]);
  });
});
