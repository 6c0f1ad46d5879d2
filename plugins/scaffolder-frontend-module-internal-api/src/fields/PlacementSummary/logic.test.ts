import { placementPreview, zone } from '../../__testUtils__/wireFixtures';
import { placementSummary, summaryPreviewRequest } from './logic';

describe('placementSummary', () => {
  const zones = [
    zone('eu-west-1a', ['s-1', '10.0.1.0/24']),
    zone('eu-west-1b', ['s-2', '10.0.2.0/24']),
  ];

  it('lists one subnet per zone for the Review page, and nothing while there are problems', () => {
    expect(placementSummary(placementPreview(zones))).toBe(
      'eu-west-1a: s-1 (10.0.1.0/24); eu-west-1b: s-2 (10.0.2.0/24)',
    );
    expect(
      placementSummary(placementPreview(zones, ['two in one zone'])),
    ).toBeUndefined();
    expect(placementSummary({ problems: ['not configured'] })).toBeUndefined();
    expect(placementSummary(placementPreview([]))).toBeUndefined();
    expect(placementSummary(undefined)).toBeUndefined();
  });
});

describe('summaryPreviewRequest', () => {
  const tierPrivate = [{ name: 'tag:Tier', values: ['private'] }];

  it('reads accountId, region and subnetFilters unless ui:options names others', () => {
    const form = {
      accountId: '444455556666',
      region: 'eu-west-1',
      subnetFilters: tierPrivate,
      workloadAccount: '555566667777',
      placementFilters: [{ name: 'cidr-block', values: ['10.0.1.0/24'] }],
    };
    expect(summaryPreviewRequest(form, undefined)).toEqual({
      accountId: '444455556666',
      region: 'eu-west-1',
      subnetFilters: tierPrivate,
    });
    expect(
      summaryPreviewRequest(form, {
        accountField: 'workloadAccount',
        subnetFiltersField: 'placementFilters',
      }),
    ).toEqual({
      accountId: '555566667777',
      region: 'eu-west-1',
      subnetFilters: [{ name: 'cidr-block', values: ['10.0.1.0/24'] }],
    });
  });
});
