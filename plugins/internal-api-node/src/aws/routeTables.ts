import {
  CreateRouteCommand,
  EC2Client,
  paginateDescribeRouteTables,
  Route,
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
  /** Whether this is the VPC's main route table (used by subnets without their own). */
  main: boolean;
  /** Subnets explicitly associated with this table. */
  subnetIds: string[];
  /** Gateways (internet, virtual private) associated with it: an edge route table. */
  gatewayIds: string[];
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

/**
 * The route tables of a VPC, or just the named ones within it, with their
 * routes and subnet associations. Paginated, so a VPC with many tables is read
 * whole; without a page size EC2 answers in one call.
 */
export async function readRouteTables(
  ec2: EC2Client,
  vpcId: string,
  routeTableIds?: string[],
): Promise<RouteTableFacts[]> {
  const tables: RouteTableFacts[] = [];
  for await (const page of paginateDescribeRouteTables(
    { client: ec2 },
    {
      Filters: [
        { Name: 'vpc-id', Values: [vpcId] },
        ...(routeTableIds
          ? [{ Name: 'route-table-id', Values: routeTableIds }]
          : []),
      ],
    },
  )) {
    for (const table of page.RouteTables ?? []) {
      const associations = table.Associations ?? [];
      tables.push({
        routeTableId: table.RouteTableId!,
        main: associations.some(association => association.Main),
        subnetIds: associations.flatMap(association =>
          association.SubnetId ? [association.SubnetId] : [],
        ),
        gatewayIds: associations.flatMap(association =>
          association.GatewayId ? [association.GatewayId] : [],
        ),
        routes: (table.Routes ?? [])
          .filter(route => route.DestinationCidrBlock)
          .map(route => ({
            destinationCidrBlock: route.DestinationCidrBlock!,
            target: targetOf(route),
            state: route.State,
          })),
      });
    }
  }
  return tables;
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
