import { planConsumerChange } from './consumerChange';

describe('planConsumerChange', () => {
  it('splits the wanted set into added, removed and kept', () => {
    expect(
      planConsumerChange(
        ['customer-api', 'partner-api'],
        ['customer-api', 'billing-api'],
      ),
    ).toEqual({
      current: ['customer-api', 'partner-api'],
      wanted: ['customer-api', 'billing-api'],
      added: ['billing-api'],
      removed: ['partner-api'],
      kept: ['customer-api'],
    });
  });

  it('refuses a set that changes nothing (order does not matter)', () => {
    expect(() =>
      planConsumerChange(['a-api', 'b-api'], ['b-api', 'a-api']),
    ).toThrow(
      'consumers (b-api, a-api) are the ones the API already has: nothing to change.',
    );
  });

  it('refuses an empty set, pointing at the decommission template, and a repeated name', () => {
    expect(() => planConsumerChange(['a-api'], [])).toThrow(
      /consumers is empty: .*Decommission an internal API template/,
    );
    expect(() => planConsumerChange(['a-api'], ['b-api', 'b-api'])).toThrow(
      "consumers lists 'b-api' more than once",
    );
  });
});
