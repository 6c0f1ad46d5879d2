import type { ConsumerNetworkFacts } from '@internal/plugin-internal-api-common';
import type { AwsClients } from '../aws/access';
import { describeVpc } from '../aws/vpcs';
import type { InternalApiConfig } from '../config';

/**
 * Read-only: every configured consumer network with its CIDR, read from its
 * own account, for the form's consumer picker. A missing VPC is reported on
 * that consumer; an AWS failure (unreachable, access denied) fails the whole
 * lookup. Consumers have no apply: routes to them are the routes capability's.
 */
export async function listConsumerNetworks(
  internalApi: InternalApiConfig,
  clients: AwsClients,
): Promise<ConsumerNetworkFacts[]> {
  return Promise.all(
    internalApi.consumers.map(
      async (consumer): Promise<ConsumerNetworkFacts> => {
        const vpc = await describeVpc(
          await clients.ec2(consumer),
          consumer.vpcId,
        );
        return vpc
          ? { ...consumer, cidr: vpc.vpcCidr }
          : {
              ...consumer,
              problem: `VPC ${consumer.vpcId} was not found in account ${consumer.accountId} (${consumer.region}); ask the platform team to fix internalApi.consumers`,
            };
      },
    ),
  );
}
