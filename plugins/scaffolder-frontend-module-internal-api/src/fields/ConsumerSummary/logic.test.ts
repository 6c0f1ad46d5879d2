import type { ConsumerNetworkFacts } from '@internal/plugin-internal-api-common';
import { consumerSummary } from './logic';

const consumer = (name: string, cidr?: string): ConsumerNetworkFacts =>
  cidr
    ? {
        name,
        cidr,
        accountId: '777788889999',
        region: 'eu-west-1',
        vpcId: 'vpc-1',
      }
    : {
        name,
        problem: 'VPC vpc-1 no longer exists',
        accountId: '777788889999',
        region: 'eu-west-1',
        vpcId: 'vpc-1',
      };

describe('consumerSummary', () => {
  const options = [
    consumer('customer-api', '10.40.0.0/16'),
    consumer('partner-api', '10.50.0.0/16'),
    consumer('gone'),
  ];

  it('lists the picked consumers with the CIDRs their routes carry', () => {
    expect(consumerSummary(options, ['customer-api', 'partner-api'])).toBe(
      'customer-api (10.40.0.0/16), partner-api (10.50.0.0/16)',
    );
    expect(consumerSummary(options, ['gone'])).toBe('gone');
    expect(consumerSummary(undefined, ['customer-api'])).toBe('customer-api');
  });

  it('shows nothing while none is picked', () => {
    expect(consumerSummary(options, [])).toBeUndefined();
    expect(consumerSummary(options, [null])).toBeUndefined();
    expect(consumerSummary(options, undefined)).toBeUndefined();
  });
});
