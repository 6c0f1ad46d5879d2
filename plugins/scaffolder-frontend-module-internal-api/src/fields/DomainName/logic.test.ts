import { suggestedDomains } from './logic';

describe('suggestedDomains', () => {
  it('suggests <name>.<parent> for every parent once the name is valid', () => {
    expect(
      suggestedDomains('orders-api', ['acme.com', 'internal.acme.net']),
    ).toEqual(['orders-api.acme.com', 'orders-api.internal.acme.net']);
    expect(suggestedDomains('Orders API', ['acme.com'])).toEqual([]);
    expect(suggestedDomains(undefined, ['acme.com'])).toEqual([]);
  });

  it('suggests nothing for a name that is not a DNS label', () => {
    expect(suggestedDomains('orders-', ['acme.com'])).toEqual([]);
    expect(suggestedDomains('a'.repeat(64), ['acme.com'])).toEqual([]);
  });
});
