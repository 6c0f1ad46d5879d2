import {
  CreateRouteCommand,
  EC2Client,
  paginateDescribeRouteTables,
  Route,
} from '@aws-sdk/client-ec2';
import { createdOrExists, dryRunAllows } from './ec2Writes';

/** One target field EC2 reported for a route, e.g. `{ field: 'TransitGatewayId', id: 'tgw-…' }`. */
export type RouteTarget = { field: string; id: string };

/** A route as far as ownership goes: where it leads, as EC2 says. */
export type ExistingRoute = {
  destinationCidrBlock: string;
  /**
   * Set when the route's destination is a managed prefix list: the route is
   * then one row per entry of the list, each with that entry's CIDR.
   */
  prefixListId?: string;
  /**
   * Every target field EC2 reported: usually one, two for an instance route
   * (the instance and its network interface), none for a route whose target
   * is gone.
   */
  targets: RouteTarget[];
  state?: string;
};

// Every field of the SDK's Route that names where traffic goes (the owner and origin fields do not).
const TARGET_FIELDS = [
  'TransitGatewayId',
  'GatewayId',
  'NatGatewayId',
  'VpcPeeringConnectionId',
  'NetworkInterfaceId',
  'InstanceId',
  'LocalGatewayId',
  'CarrierGatewayId',
  'EgressOnlyInternetGatewayId',
  'CoreNetworkArn',
  'OdbNetworkArn',
  'IpAddress',
] as const satisfies readonly (keyof Route)[];

export const targetsOf = (route: Route): RouteTarget[] =>
  TARGET_FIELDS.flatMap(field =>
    route[field] ? [{ field, id: route[field]! }] : [],
  );

/** The route's target(s) for a message: `nat-1`, `i-1 / eni-1`, or `no target`. */
export const targetText = (route: Pick<ExistingRoute, 'targets'>) =>
  route.targets.map(target => target.id).join(' / ') || 'no target';

/**
 * Whether the route goes to this one target and nothing else, and carries
 * traffic. A route without a target is never ours: AWS always names the
 * target of a route that works.
 */
export function leadsOnlyTo(route: ExistingRoute, targetId: string) {
  return (
    route.state !== 'blackhole' &&
    route.targets.length === 1 &&
    route.targets[0].id === targetId
  );
}

export type RouteTableFacts = {
  routeTableId: string;
  /** Whether this is the VPC's main route table (used by subnets without their own). */
  main: boolean;
  /** Subnets explicitly associated with this table. */
  subnetIds: string[];
  /** Gateways (internet, virtual private) associated with it: an edge route table. */
  gatewayIds: string[];
  /** IPv4 routes; prefix-list routes as their list id, without entries (see expandPrefixLists). */
  routes: ExistingRoute[];
  prefixListRoutes: (Omit<ExistingRoute, 'destinationCidrBlock'> & {
    prefixListId: string;
  })[];
};

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
            targets: targetsOf(route),
            state: route.State,
          })),
        prefixListRoutes: (table.Routes ?? [])
          .filter(route => route.DestinationPrefixListId)
          .map(route => ({
            prefixListId: route.DestinationPrefixListId!,
            targets: targetsOf(route),
            state: route.State,
          })),
      });
    }
  }
  return tables;
}

/** A route to create: in a VPC route table to a transit gateway, or in a transit gateway route table to an attachment. */
export type RouteSpec = {
  routeTableId: string;
  destinationCidrBlock: string;
  /** tgw-… in a VPC route table, tgw-attach-… in a transit gateway route table. */
  target: string;
};

/** Creates a route to the transit gateway (with `dryRun`, only asks whether it may). */
const createRoute = (ec2: EC2Client, route: RouteSpec, dryRun = false) =>
  ec2.send(
    new CreateRouteCommand({
      RouteTableId: route.routeTableId,
      DestinationCidrBlock: route.destinationCidrBlock,
      TransitGatewayId: route.target,
      DryRun: dryRun || undefined,
    }),
  );

/** Creates a route to the transit gateway; 'exists' when EC2 says the destination is taken. */
export async function createTransitGatewayRoute(
  ec2: EC2Client,
  route: RouteSpec,
): Promise<'created' | 'exists'> {
  return createdOrExists(() => createRoute(ec2, route));
}

/** Whether the caller may create the route (a dry run: writes nothing). */
export const mayCreateTransitGatewayRoute = (
  ec2: EC2Client,
  route: RouteSpec,
) => dryRunAllows(ec2, client => createRoute(client, route, true));
