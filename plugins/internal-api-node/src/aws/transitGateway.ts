import {
  CreateTransitGatewayRouteCommand,
  DescribeTransitGatewayVpcAttachmentsCommand,
  EC2Client,
  SearchTransitGatewayRoutesCommand,
} from '@aws-sdk/client-ec2';
import type { ExistingRoute } from './routeTables';

/** The transit gateway's attachment for a VPC, as the network account sees it. */
export async function findVpcAttachment(
  ec2: EC2Client,
  transitGatewayId: string,
  vpcId: string,
): Promise<string | undefined> {
  const { TransitGatewayVpcAttachments = [] } = await ec2.send(
    new DescribeTransitGatewayVpcAttachmentsCommand({
      Filters: [
        { Name: 'transit-gateway-id', Values: [transitGatewayId] },
        { Name: 'vpc-id', Values: [vpcId] },
        { Name: 'state', Values: ['available', 'pending', 'modifying'] },
      ],
    }),
  );
  return TransitGatewayVpcAttachments[0]?.TransitGatewayAttachmentId;
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
