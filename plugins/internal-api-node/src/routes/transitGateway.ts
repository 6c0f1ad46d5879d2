import type { EC2Client } from '@aws-sdk/client-ec2';
import { leadsOnlyTo, targetText } from '../aws/routeTables';
import { allInOrder } from '../aws/allInOrder';
import {
  carriesTraffic,
  findTgwRoutes,
  readAssociatedAttachments,
  TransitGatewayRoute,
  VpcAttachment,
} from '../aws/transitGateway';
import type { TransitGatewayConfig } from '../config';
import type { RouteChange, RouteConflict } from './rules';
import type { SidePlan } from './vpcSide';

/**
 * The transit gateway attachment of each VPC that carries traffic, from the
 * gateway's attachments of those VPCs (`all`: one call in the network account
 * for all of them), and a conflict for each VPC
 * without one (a pending or deleting attachment is not an attachment: routes
 * to a VPC the gateway cannot reach would lead nowhere), and for each
 * consumer whose attachment has no subnet in a zone its workloads use
 * (resources in a zone without an attachment subnet cannot reach the gateway).
 */
export function attachmentsOfSides(
  all: VpcAttachment[],
  transitGateway: TransitGatewayConfig,
  sides: Pick<SidePlan, 'side' | 'zones' | 'zoneOf'>[],
): { of: Map<string, VpcAttachment>; conflicts: RouteConflict[] } {
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

/** What the network account says of the configured transit gateway route table. */
export type TransitGatewayTableReads = {
  /** The attachments associated with it. */
  associated: Set<string>;
  /** Its static and propagated routes for the provider's CIDR. */
  routes: TransitGatewayRoute[];
};

/**
 * Read-only, in the network account (two calls, at once): what the table
 * holds for the provider's CIDR and which attachments it routes for.
 */
export async function readTransitGatewayTable(
  network: EC2Client,
  routeTableId: string,
  providerCidr: Promise<string>,
): Promise<TransitGatewayTableReads> {
  const [associated, routes] = await allInOrder([
    readAssociatedAttachments(network, routeTableId),
    providerCidr.then(cidr => findTgwRoutes(network, routeTableId, cidr)),
  ]);
  return { associated, routes };
}

/**
 * The static route to the provider's attachment, or why it cannot be
 * ensured. Consumers' traffic is
 * routed by the table their attachment is associated with, so each consumer
 * attachment must be associated with the configured table, or the route
 * would never be used. An existing static or propagated route for the CIDR
 * is fine only when it leads to the provider's attachment alone.
 */
export function planTransitGatewayRoute(
  table: TransitGatewayTableReads,
  transitGateway: TransitGatewayConfig & { routeTableId: string },
  provider: { attachmentId: string; cidr: string },
  consumers: { label: string; attachmentId: string }[],
): { change?: RouteChange; conflicts: RouteConflict[] } {
  const { routeTableId } = transitGateway;
  const { associated, routes } = table;
  const conflicts = consumers
    .filter(consumer => !associated.has(consumer.attachmentId))
    .map(
      consumer =>
        `${consumer.label}: its attachment ${consumer.attachmentId} is not associated with transit gateway route table ` +
        `${routeTableId} (internalApi.transitGateway.routeTableId), so its traffic would never use the route to the API. ` +
        'Ask the network team to associate it, or configure the route table it is associated with',
    );
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
