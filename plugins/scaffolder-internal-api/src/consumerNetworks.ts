import type { InternalApiContext } from './context';
import { describeVpc } from './aws/network';

export interface ConsumerNetworkFacts {
  name: string;
  accountId: string;
  region: string;
  vpcId: string;
  /** The VPC's primary CIDR; absent when the VPC was not found. */
  cidr?: string;
  /** Why the consumer cannot be routed to, e.g. its VPC is gone. */
  problem?: string;
}

/**
 * Every configured consumer network with its CIDR, read from its own account,
 * for the form's consumer picker. A missing VPC is reported on that consumer;
 * an AWS failure (unreachable, access denied) fails the whole lookup.
 */
export async function listConsumerNetworks(
  context: InternalApiContext,
  initiator?: string,
): Promise<ConsumerNetworkFacts[]> {
  return Promise.all(
    context.internalApi.consumers.map(async consumer => {
      const ec2 = await context.aws.ec2(consumer, initiator);
      try {
        const vpc = await describeVpc(ec2, consumer.vpcId);
        return vpc
          ? { ...consumer, cidr: vpc.vpcCidr }
          : {
              ...consumer,
              problem: `VPC ${consumer.vpcId} was not found in account ${consumer.accountId} (${consumer.region}); ask the platform team to fix internalApi.consumers`,
            };
      } finally {
        ec2.destroy();
      }
    }),
  );
}
