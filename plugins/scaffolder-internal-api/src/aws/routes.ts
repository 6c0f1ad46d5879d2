import {
  CreateRouteCommand,
  CreateTransitGatewayRouteCommand,
  DescribeRouteTablesCommand,
  DescribeTransitGatewayVpcAttachmentsCommand,
  EC2Client,
  Route,
  SearchTransitGatewayRoutesCommand,
} from '@aws-sdk/client-ec2';

/** A route as far as ownership goes: where it leads, if EC2 says. */
export type ExistingRoute = {
  destinationCidrBlock: string;
  /** The route's target id (tgw-, igw-, nat-, pcx-, eni-, ...); absent when EC2 reports none. */
  target?: string;
  state?: string;
};

export type RouteTableFacts = {
  routeTableId: string;
  routes: ExistingRoute[];
};

const targetOf = (route: Route) =>
  route.TransitGatewayId ??
  route.GatewayId ??
  route.NatGatewayId ??
  route.VpcPeeringConnectionId ??
  route.NetworkInterfaceId ??
  route.InstanceId ??
  route.LocalGatewayId ??
  route.CarrierGatewayId ??
  route.EgressOnlyInternetGatewayId ??
  route.CoreNetworkArn;

/** Route tables of a VPC, or just the named ones within it; one call either way. */
export async function describeRouteTables(
  ec2: EC2Client,
  vpcId: string,
  routeTableIds?: string[],
): Promise<RouteTableFacts[]> {
  const { RouteTables = [] } = await ec2.send(
    new DescribeRouteTablesCommand({
      Filters: [
        { Name: 'vpc-id', Values: [vpcId] },
        ...(routeTableIds
          ? [{ Name: 'route-table-id', Values: routeTableIds }]
          : []),
      ],
    }),
  );
  return RouteTables.map(table => ({
    routeTableId: table.RouteTableId!,
    routes: (table.Routes ?? [])
      .filter(route => route.DestinationCidrBlock)
      .map(route => ({
        destinationCidrBlock: route.DestinationCidrBlock!,
        target: targetOf(route),
        state: route.State,
      })),
  }));
}

/** Creates a route to the transit gateway; 'exists' when EC2 says the destination is taken. */
export async function createTransitGatewayRoute(
  ec2: EC2Client,
  routeTableId: string,
  destinationCidrBlock: string,
  transitGatewayId: string,
): Promise<'created' | 'exists'> {
  try {
    await ec2.send(
      new CreateRouteCommand({
        RouteTableId: routeTableId,
        DestinationCidrBlock: destinationCidrBlock,
        TransitGatewayId: transitGatewayId,
      }),
    );
    return 'created';
  } catch (error) {
    if ((error as Error).name === 'RouteAlreadyExists') {
      return 'exists';
    }
    throw error;
  }
}

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
