import {
  CreateTransitGatewayRouteCommand,
  EC2Client,
  paginateDescribeTransitGatewayVpcAttachments,
  SearchTransitGatewayRoutesCommand,
} from '@aws-sdk/client-ec2';
import type { ExistingRoute } from './routeTables';

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

/** The static route for exactly this CIDR in a transit gateway route table, if any. */
export async function findStaticTgwRoute(
  ec2: EC2Client,
  transitGatewayRouteTableId: string,
  destinationCidrBlock: string,
): Promise<ExistingRoute | undefined> {
  const { Routes = [] } = await ec2.send(
    new SearchTransitGatewayRoutesCommand({
      TransitGatewayRouteTableId: transitGatewayRouteTableId,
      Filters: [
        { Name: 'type', Values: ['static'] },
        { Name: 'route-search.exact-match', Values: [destinationCidrBlock] },
      ],
    }),
  );
  const route = Routes.find(
    r => r.DestinationCidrBlock === destinationCidrBlock,
  );
  return (
    route && {
      destinationCidrBlock,
      target: route.TransitGatewayAttachments?.[0]?.TransitGatewayAttachmentId,
      state: route.State,
    }
  );
}

export async function createStaticTgwRoute(
  ec2: EC2Client,
  transitGatewayRouteTableId: string,
  destinationCidrBlock: string,
  transitGatewayAttachmentId: string,
): Promise<void> {
  await ec2.send(
    new CreateTransitGatewayRouteCommand({
      TransitGatewayRouteTableId: transitGatewayRouteTableId,
      DestinationCidrBlock: destinationCidrBlock,
      TransitGatewayAttachmentId: transitGatewayAttachmentId,
    }),
  );
}
