import type { ConsumerNetworkFacts } from '@internal/plugin-internal-api-common';
import { consumerLabel, toggleConsumer } from './logic';

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
