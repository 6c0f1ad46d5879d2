import { InputError } from '@backstage/errors';
import type { AwsClients } from '../aws/access';
import { describeVpcAttachments, VpcAttachment } from '../aws/transitGateway';
import { describeVpc } from '../aws/vpcs';
import type { TransitGatewayConfig } from '../config';
import {
  readTransitGatewayTable,
  TransitGatewayTableReads,
} from './transitGateway';
import { readSide, SideReads, VpcSide } from './vpcSide';

/** Every read a route plan decides from, each still to be awaited. */
export type RouteReads = {
  providerCidr: Promise<string>;
  /** In the order the consumers were given. */
  consumerCidrs: Promise<string>[];
  providerSide: Promise<SideReads>;
  consumerSides: Promise<SideReads>[];
  /** The gateway's attachments of every side's VPC, consumers' first. */
  attachments: Promise<VpcAttachment[]>;
  /** Only with a configured transit gateway route table. */
  transitGatewayTable?: Promise<TransitGatewayTableReads>;
  /** Settles once every read has: then awaiting any of them throws nothing unseen. */
  settled: Promise<unknown>;
};

/**
 * Sends every read of a route plan at once: each VPC's CIDR, route tables and
 * (consumers) subnets in its own account, the gateway's attachments and its
 * route table in the network account. Only the transit gateway route's
 * search waits for another answer (the provider's CIDR), so the plan is two
 * round trips deep, three when a table routes a prefix list. The plan awaits
 * the answers in the order it always decided in, so its refusals do not
 * change with which answer comes first.
 */
export function startRouteReads(
  clients: AwsClients,
  options: {
    provider: VpcSide;
    consumers: VpcSide[];
    transitGateway: TransitGatewayConfig;
  },
): RouteReads {
  const { provider, consumers, transitGateway } = options;
  const cidrOf = async (side: VpcSide) => {
    const vpc = await describeVpc(await clients.ec2(side.location), side.vpcId);
    if (!vpc) {
      throw new InputError(
        `${side.label}: VPC ${side.vpcId} was not found in account ${side.location.accountId}, region ${side.location.region}.`,
      );
    }
    return vpc.vpcCidr;
  };
  const network = clients.ec2(transitGateway);
  const providerCidr = cidrOf(provider);
  const { routeTableId } = transitGateway;
  const reads = {
    providerCidr,
    consumerCidrs: consumers.map(cidrOf),
    providerSide: readSide(clients, provider),
    consumerSides: consumers.map(consumer => readSide(clients, consumer)),
    attachments: network.then(ec2 =>
      describeVpcAttachments(
        ec2,
        transitGateway.id,
        [...consumers, provider].map(side => side.vpcId),
      ),
    ),
    transitGatewayTable: routeTableId
      ? network.then(ec2 =>
          readTransitGatewayTable(ec2, routeTableId, providerCidr),
        )
      : undefined,
  };
  return {
    ...reads,
    settled: Promise.allSettled([
      reads.providerCidr,
      ...reads.consumerCidrs,
      reads.providerSide,
      ...reads.consumerSides,
      reads.attachments,
      reads.transitGatewayTable,
    ]),
  };
}
