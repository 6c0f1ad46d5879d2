import type { EC2Client } from '@aws-sdk/client-ec2';
import { leadsOnlyTo, targetText } from '../aws/routeTables';
import {
  carriesTraffic,
  describeVpcAttachments,
  findTgwRoutes,
  readAssociatedAttachments,
  VpcAttachment,
} from '../aws/transitGateway';
import type { TransitGatewayConfig } from '../config';
import type { RouteChange, RouteConflict } from './rules';
import type { SidePlan } from './vpcSide';

/**
 * The transit gateway attachment of each VPC that carries traffic (one call
 * in the network account for all of them), and a conflict for each VPC
 * without one (a pending or deleting attachment is not an attachment: routes
 * to a VPC the gateway cannot reach would lead nowhere), and for each
 * consumer whose attachment has no subnet in a zone its workloads use
 * (resources in a zone without an attachment subnet cannot reach the gateway).
 */
export async function readAttachments(
  network: EC2Client,
  transitGateway: TransitGatewayConfig,
  sides: Pick<SidePlan, 'side' | 'zones' | 'zoneOf'>[],
): Promise<{ of: Map<string, VpcAttachment>; conflicts: RouteConflict[] }> {
  const all = await describeVpcAttachments(
    network,
    transitGateway.id,
    sides.map(({ side }) => side.vpcId),
  );
  const of = new Map<string, VpcAttachment>();
  const conflicts: RouteConflict[] = [];
  for (const { side, zones, zoneOf } of sides) {
    const mine = all.filter(attachment => attachment.vpcId === side.vpcId);
    const carrying = mine.find(carriesTraffic);
    if (!carrying) {
      const states = mine
        .map(a => `${a.attachmentId} is ${a.state}`)
        .join(', ');
      conflicts.push(
        `${side.label} has no available attachment to transit gateway ${
          transitGateway.id
        }${
          states ? ` (${states})` : ''
        }; ask the network team to attach it first`,
      );
      continue;
    }
    of.set(side.vpcId, carrying);
    const served = new Set(carrying.subnetIds.map(id => zoneOf?.get(id)));
    const missing = (zones ?? []).filter(zone => !served.has(zone));
    if (missing.length > 0) {
      conflicts.push(
        `${side.label}: transit gateway attachment ${
          carrying.attachmentId
        } has no subnet in ${missing.join(
          ', ',
        )}, where its subnets are; workloads there could not reach the API. ` +
          'Ask the network team to add a subnet in each zone to the attachment',
      );
    }
  }
  return { of, conflicts };
}

/**
 * Read-only, in the network account (two calls): the static route to the
 * provider's attachment, or why it cannot be ensured. Consumers' traffic is
 * routed by the table their attachment is associated with, so each consumer
 * attachment must be associated with the configured table, or the route
 * would never be used. An existing static or propagated route for the CIDR
 * is fine only when it leads to the provider's attachment alone.
 */
export async function planTransitGatewayRoute(
  network: EC2Client,
  transitGateway: TransitGatewayConfig & { routeTableId: string },
  provider: { attachmentId: string; cidr: string },
  consumers: { label: string; attachmentId: string }[],
): Promise<{ change?: RouteChange; conflicts: RouteConflict[] }> {
  const { routeTableId } = transitGateway;
  const associated = await readAssociatedAttachments(network, routeTableId);
  const conflicts = consumers
    .filter(consumer => !associated.has(consumer.attachmentId))
    .map(
      consumer =>
        `${consumer.label}: its attachment ${consumer.attachmentId} is not associated with transit gateway route table ` +
        `${routeTableId} (internalApi.transitGateway.routeTableId), so its traffic would never use the route to the API. ` +
        'Ask the network team to associate it, or configure the route table it is associated with',
    );
  const routes = await findTgwRoutes(network, routeTableId, provider.cidr);
  // A static route takes precedence over a propagated one for the same CIDR.
  const existing = routes.find(route => route.type === 'static') ?? routes[0];
  if (existing && !leadsOnlyTo(existing, provider.attachmentId)) {
    conflicts.push(
      `transit gateway route table ${routeTableId} already has a ${
        existing.type
      } route for ${provider.cidr} to ${
        existing.state === 'blackhole'
          ? `a blackhole (${targetText(existing)})`
          : targetText(existing)
      }`,
    );
    return { conflicts };
  }
  return {
    conflicts,
    change: {
      kind: 'transit-gateway',
      accountId: transitGateway.accountId,
      region: transitGateway.region,
      routeTableId,
      destinationCidrBlock: provider.cidr,
      target: provider.attachmentId,
      status: existing ? 'already-present' : 'planned',
      ...(existing?.type === 'propagated'
        ? { coveredBy: `propagated from ${provider.attachmentId}` }
        : {}),
    },
  };
}
