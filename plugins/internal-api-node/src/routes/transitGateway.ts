import type { EC2Client } from '@aws-sdk/client-ec2';
import {
  carriesTraffic,
  describeVpcAttachments,
  findStaticTgwRoute,
  VpcAttachment,
} from '../aws/transitGateway';
import type { TransitGatewayConfig } from '../config';
import type { VpcSide } from './plan';
import { isOurRoute, RouteChange, RouteConflict } from './rules';

/**
 * The transit gateway attachment of each VPC that carries traffic (one call
 * in the network account for all of them), and a conflict for each VPC
 * without one: a pending or deleting attachment is not an attachment, and
 * routes to a VPC the gateway cannot reach would lead nowhere.
 */
export async function readAttachments(
  network: EC2Client,
  transitGateway: TransitGatewayConfig,
  sides: VpcSide[],
): Promise<{ of: Map<string, VpcAttachment>; conflicts: RouteConflict[] }> {
  const all = await describeVpcAttachments(
    network,
    transitGateway.id,
    sides.map(side => side.vpcId),
  );
  const of = new Map<string, VpcAttachment>();
  const conflicts: RouteConflict[] = [];
  for (const side of sides) {
    const mine = all.filter(attachment => attachment.vpcId === side.vpcId);
    const carrying = mine.find(carriesTraffic);
    if (carrying) {
      of.set(side.vpcId, carrying);
      continue;
    }
    const states = mine.map(a => `${a.attachmentId} is ${a.state}`).join(', ');
    conflicts.push(
      `${side.label} has no available attachment to transit gateway ${
        transitGateway.id
      }${
        states ? ` (${states})` : ''
      }; ask the network team to attach it first`,
    );
  }
  return { of, conflicts };
}

/** The static route to the provider's attachment, or why it cannot be ensured. */
export async function planTransitGatewayRoute(
  network: EC2Client,
  transitGateway: TransitGatewayConfig,
  attachmentId: string,
  providerCidr: string,
): Promise<RouteChange | RouteConflict> {
  const tgwRouteTableId = transitGateway.routeTableId!;
  const existing = await findStaticTgwRoute(
    network,
    tgwRouteTableId,
    providerCidr,
  );
  if (existing && !isOurRoute(existing, attachmentId)) {
    return (
      `transit gateway route table ${tgwRouteTableId} already routes ${providerCidr} to ` +
      `${existing.state === 'blackhole' ? 'a blackhole' : existing.target}`
    );
  }
  return {
    kind: 'transit-gateway',
    accountId: transitGateway.accountId,
    region: transitGateway.region,
    routeTableId: tgwRouteTableId,
    destinationCidrBlock: providerCidr,
    target: attachmentId,
    status: existing ? 'already-present' : 'planned',
  };
}
