import { isPlacementPreview, previewRequest } from './placementPreview';

const tierPrivate = [{ name: 'tag:Tier', values: ['private'] }];
const placement = { accountId: '444455556666', region: 'eu-west-1' };

describe('previewRequest', () => {
  it('asks for a preview only when the account, region and every filter are filled in', () => {
    expect(
      previewRequest({ ...placement, subnetFilters: tierPrivate }),
    ).toEqual({ ...placement, subnetFilters: tierPrivate });
    expect(
      previewRequest({
        accountId: undefined,
        region: 'eu-west-1',
        subnetFilters: tierPrivate,
      }),
    ).toBeUndefined();
    expect(
      previewRequest({
        ...placement,
        subnetFilters: [{ name: 'tag:Tier', values: [] }],
      }),
    ).toBeUndefined();
    expect(previewRequest({ ...placement, subnetFilters: [] })).toBeUndefined();
  });

  it('waits for a 12-digit account id and well-formed filters', () => {
    expect(
      previewRequest({
        ...placement,
        accountId: '4444',
        subnetFilters: tierPrivate,
      }),
    ).toBeUndefined();
    expect(
      previewRequest({ ...placement, subnetFilters: 'tag:Tier=private' }),
    ).toBeUndefined();
    expect(
      previewRequest({
        ...placement,
        subnetFilters: [{ name: 'tag:Tier', values: 'private' }],
      }),
    ).toBeUndefined();
  });
});

describe('isPlacementPreview', () => {
  it('tells a preview from a refusal of the values', () => {
    expect(
      isPlacementPreview({
        ...placement,
        vpcId: 'vpc-1',
        vpcCidr: '10.0.0.0/16',
        zones: [],
        problems: ['fewer than two zones'],
      }),
    ).toBe(true);
    expect(
      isPlacementPreview({
        problems: ['accountId 111122223333 is not configured'],
      }),
    ).toBe(false);
    expect(isPlacementPreview(undefined)).toBe(false);
  });
});
