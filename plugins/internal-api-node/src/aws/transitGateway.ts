import {
  CreateTransitGatewayRouteCommand,
  EC2Client,
  paginateDescribeTransitGatewayVpcAttachments,
  paginateGetTransitGatewayRouteTableAssociations,
  SearchTransitGatewayRoutesCommand,
} from '@aws-sdk/client-ec2';
import { createdOrExists, dryRunAllows } from './ec2Writes';
import type { ExistingRoute, RouteSpec } from './routeTables';

/** A VPC's attachment to the transit gateway, in whatever state. */
export type VpcAttachment = {
  attachmentId: string;
  vpcId: string;
  /** available, pending, modifying, deleting, … */
  state: string;
  /** One subnet per Availability Zone the attachment serves. */
  subnetIds: string[];
};

/** States in which an attachment carries traffic (a modifying one keeps doing so). */
const CARRYING = ['available', 'modifying'];

export const carriesTraffic = (attachment: VpcAttachment) =>
  CARRYING.includes(attachment.state);

/**
 * The transit gateway's attachments of these VPCs, as the network account
 * (the gateway's owner) sees them, every state included: one call, paginated.
 */
export async function describeVpcAttachments(
  ec2: EC2Client,
  transitGatewayId: string,
  vpcIds: string[],
): Promise<VpcAttachment[]> {
  const attachments: VpcAttachment[] = [];
  for await (const page of paginateDescribeTransitGatewayVpcAttachments(
    { client: ec2 },
    {
      Filters: [
        { Name: 'transit-gateway-id', Values: [transitGatewayId] },
        { Name: 'vpc-id', Values: vpcIds },
      ],
    },
  )) {
    for (const attachment of page.TransitGatewayVpcAttachments ?? []) {
      attachments.push({
        attachmentId: attachment.TransitGatewayAttachmentId!,
        vpcId: attachment.VpcId!,
        state: attachment.State ?? 'unknown',
        subnetIds: attachment.SubnetIds ?? [],
      });
    }
  }
  return attachments;
}

/** A route of a transit gateway route table for one CIDR. */
export type TransitGatewayRoute = ExistingRoute & {
  /** static (someone created it) or propagated (learned from an attachment). */
  type: string;
};

/**
 * The static and propagated routes for exactly this CIDR in a transit gateway
 * route table (each names its attachments as targets): one call. A CIDR has
 * at most one route per table, but a propagated one may list several
 * attachments (ECMP), which makes it nobody's single route.
 */
export async function findTgwRoutes(
  ec2: EC2Client,
  transitGatewayRouteTableId: string,
  destinationCidrBlock: string,
): Promise<TransitGatewayRoute[]> {
  const { Routes = [] } = await ec2.send(
    new SearchTransitGatewayRoutesCommand({
      TransitGatewayRouteTableId: transitGatewayRouteTableId,
      Filters: [
        { Name: 'type', Values: ['static', 'propagated'] },
        { Name: 'route-search.exact-match', Values: [destinationCidrBlock] },
      ],
    }),
  );
  return Routes.filter(
    route => route.DestinationCidrBlock === destinationCidrBlock,
  ).map(route => ({
    destinationCidrBlock,
    type: route.Type ?? 'unknown',
    state: route.State,
    targets: [
      ...(route.TransitGatewayAttachments ?? []).map(attachment => ({
        field: 'TransitGatewayAttachmentId',
        id: attachment.TransitGatewayAttachmentId!,
      })),
      ...(route.TransitGatewayRouteTableAnnouncementId
        ? [
            {
              field: 'TransitGatewayRouteTableAnnouncementId',
              id: route.TransitGatewayRouteTableAnnouncementId,
            },
          ]
        : []),
    ],
  }));
}

/**
 * The attachments associated with a transit gateway route table: traffic
 * arriving from an attachment is routed by the one table it is associated
 * with, and only then. One paginated call.
 */
export async function readAssociatedAttachments(
  ec2: EC2Client,
  transitGatewayRouteTableId: string,
): Promise<Set<string>> {
  const associated = new Set<string>();
  for await (const page of paginateGetTransitGatewayRouteTableAssociations(
    { client: ec2 },
    { TransitGatewayRouteTableId: transitGatewayRouteTableId },
  )) {
    for (const association of page.Associations ?? []) {
      if (association.State === 'associated') {
        associated.add(association.TransitGatewayAttachmentId!);
      }
    }
  }
  return associated;
}

const createRoute = (ec2: EC2Client, route: RouteSpec, dryRun = false) =>
  ec2.send(
    new CreateTransitGatewayRouteCommand({
      TransitGatewayRouteTableId: route.routeTableId,
      DestinationCidrBlock: route.destinationCidrBlock,
      TransitGatewayAttachmentId: route.target,
      DryRun: dryRun || undefined,
    }),
  );

/** Creates a static route; 'exists' when the table already has a route for the CIDR. */
export async function createStaticTgwRoute(
  ec2: EC2Client,
  route: RouteSpec,
): Promise<'created' | 'exists'> {
  return createdOrExists(() => createRoute(ec2, route));
}

/** Whether the caller may create the static route (a dry run: writes nothing). */
export const mayCreateStaticTgwRoute = (ec2: EC2Client, route: RouteSpec) =>
  dryRunAllows(ec2, client => createRoute(client, route, true));
