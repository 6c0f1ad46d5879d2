import type { ConsumerNetworkFacts } from '@internal/plugin-internal-api-common';
import {
  consumerLabel,
  consumersToTick,
  currentlyText,
  removalNote,
  toggleConsumer,
  unconfiguredNote,
} from './logic';

const options: ConsumerNetworkFacts[] = [
  'customer-api',
  'partner-api',
  'billing',
].map(name => ({
  name,
  accountId: '777788889999',
  region: 'eu-west-1',
  vpcId: 'vpc-1',
  cidr: '10.40.0.0/16',
}));

describe('consumer picker', () => {
  it('adds and removes consumers, keeping the configured order', () => {
    expect(toggleConsumer(['billing'], 'customer-api', options)).toEqual([
      'customer-api',
      'billing',
    ]);
    expect(
      toggleConsumer(['customer-api', 'billing'], 'billing', options),
    ).toEqual(['customer-api']);
  });

  it('labels a consumer by name, CIDR and account', () => {
    expect(consumerLabel(options[0])).toBe(
      'customer-api · 10.40.0.0/16 · account 777788889999',
    );
    expect(
      consumerLabel({
        ...options[0],
        cidr: undefined,
        problem: 'VPC vpc-1 no longer exists',
      }),
    ).toMatch(/CIDR unknown/);
  });
});

describe("an API's current consumers", () => {
  const current = ['customer-api', 'partner-api'];

  it('are ticked only over a list nobody chose', () => {
    expect(consumersToTick({ picked: [], current })).toEqual(current);
    // The previous API's set, untouched (in any order), gives way to this API's.
    expect(
      consumersToTick({
        picked: ['billing'],
        current,
        previousCurrent: ['billing'],
      }),
    ).toEqual(current);
    // A set the person changed, or one prefilled from the URL, stays.
    expect(
      consumersToTick({
        picked: ['customer-api'],
        current,
        previousCurrent: ['billing'],
      }),
    ).toBeUndefined();
    expect(
      consumersToTick({ picked: ['customer-api', 'billing'], current }),
    ).toBeUndefined();
    // Nothing to do when the boxes already say it.
    expect(
      consumersToTick({ picked: ['partner-api', 'customer-api'], current }),
    ).toBeUndefined();
    expect(consumersToTick({ picked: [], current: [] })).toBeUndefined();
  });

  it('are named in sentences, with what unticking one does', () => {
    expect(currentlyText(current)).toBe(
      'Currently: customer-api, partner-api.',
    );
    expect(currentlyText([])).toBe('Currently: no consumer networks.');
    expect(removalNote(current, current)).toBeUndefined();
    expect(removalNote(['customer-api', 'partner-api', 'billing'], [])).toBe(
      'customer-api, partner-api and billing are unticked: their routes go unless another API in the VPC still lists them.',
    );
    expect(unconfiguredNote(['customer-api', 'legacy-vpc'], options)).toBe(
      'legacy-vpc is listed on the API but is not a configured consumer network, so it has no box here.',
    );
  });
});
