import {
  ExistingRoute,
  leadsOnlyTo,
  RouteTableFacts,
  targetText,
} from '../aws/routeTables';
import { cidrsOverlap, prefixLength } from '../cidr';

/** A route this action ensures, in a VPC route table or the transit gateway route table. */
export type RouteChange = {
  kind: 'vpc' | 'transit-gateway';
  accountId: string;
  region: string;
  routeTableId: string;
  destinationCidrBlock: string;
  /** tgw-... for VPC routes, tgw-attach-... for the transit gateway route. */
  target: string;
  status: 'already-present' | 'planned' | 'created';
  /** A broader route to the same transit gateway already carries the traffic: nothing is written. */
  coveredBy?: string;
  /**
   * The VPC's main route table: a route there also applies to every subnet
   * created later without a route table of its own.
   */
  mainRouteTable?: boolean;
};

/** Why a route cannot be ensured; all of them are reported together. */
export type RouteConflict = string;

/** The route's destination for a message: its CIDR, or the prefix list it comes from. */
const destinationText = (route: ExistingRoute) =>
  route.prefixListId
    ? `prefix list ${route.prefixListId} (entry ${route.destinationCidrBlock})`
    : route.destinationCidrBlock;

const isLocal = (route: ExistingRoute) =>
  route.targets.some(target => target.id === 'local');

/**
 * Plans one destination in each of a VPC's route tables: present when the same
 * route exists, planned when missing, a conflict when the CIDR is taken by
 * another target, is a default route, or overlaps the VPC's own CIDR.
 * Overlap counts, not only equality: a broader or narrower route to another
 * target is a conflict (a more specific route silently takes traffic from a
 * broader one, e.g. a 10.0.0.0/8 route to an inspection appliance); a
 * broader route to the same transit gateway already carries the traffic, so
 * nothing is planned for that table and the change says which route covers it.
 */
export function planVpcRoutes(options: {
  accountId: string;
  region: string;
  vpcLabel: string;
  vpcCidr: string;
  tables: Pick<RouteTableFacts, 'routeTableId' | 'routes' | 'main'>[];
  destinationCidrBlock: string;
  transitGatewayId: string;
}): { changes: RouteChange[]; conflicts: RouteConflict[] } {
  const {
    accountId,
    region,
    vpcLabel,
    vpcCidr,
    tables,
    destinationCidrBlock,
    transitGatewayId,
  } = options;
  if (prefixLength(destinationCidrBlock) === 0) {
    return {
      changes: [],
      conflicts: [
        `${destinationCidrBlock} in ${vpcLabel} is a default route; it is never routed to the transit gateway`,
      ],
    };
  }
  if (cidrsOverlap(destinationCidrBlock, vpcCidr)) {
    return {
      changes: [],
      conflicts: [
        `${destinationCidrBlock} overlaps ${vpcLabel}'s own CIDR ${vpcCidr}; the VPCs cannot reach each other by route`,
      ],
    };
  }
  const changes: RouteChange[] = [];
  const conflicts: RouteConflict[] = [];
  const where = (routeTableId: string) =>
    `${routeTableId} (${vpcLabel}, account ${accountId})`;
  for (const table of tables) {
    const existing = table.routes.find(
      route =>
        !route.prefixListId &&
        route.destinationCidrBlock === destinationCidrBlock,
    );
    // A default route (to a NAT gateway, say) is every table's fallback, not a route for a network:
    // a more specific route beside it is how routing is meant to work, so it is no conflict.
    const overlapping = table.routes.filter(
      route =>
        route !== existing &&
        !isLocal(route) &&
        prefixLength(route.destinationCidrBlock) > 0 &&
        cidrsOverlap(route.destinationCidrBlock, destinationCidrBlock),
    );
    const elsewhere = overlapping.filter(
      route => !leadsOnlyTo(route, transitGatewayId),
    );
    if (elsewhere.length > 0) {
      conflicts.push(
        ...elsewhere.map(route => {
          const why =
            prefixLength(route.destinationCidrBlock) <=
            prefixLength(destinationCidrBlock)
              ? `a route for ${destinationCidrBlock} would take that traffic away from it`
              : `it would keep part of ${destinationCidrBlock}'s traffic from the transit gateway`;
          return `${where(table.routeTableId)} routes ${destinationText(
            route,
          )}, which overlaps ${destinationCidrBlock}, to ${
            route.state === 'blackhole'
              ? `a blackhole (${targetText(route)})`
              : targetText(route)
          }; ${why}`;
        }),
      );
      continue;
    }
    if (existing && !leadsOnlyTo(existing, transitGatewayId)) {
      conflicts.push(
        `${where(
          table.routeTableId,
        )} already routes ${destinationCidrBlock} to ${
          existing.state === 'blackhole'
            ? `a blackhole (${targetText(existing)})`
            : targetText(existing)
        }`,
      );
      continue;
    }
    // A broader route, or a prefix list holding the CIDR, to the same gateway already carries the traffic.
    const coveredBy = overlapping.find(route =>
      route.prefixListId
        ? prefixLength(route.destinationCidrBlock) <=
          prefixLength(destinationCidrBlock)
        : prefixLength(route.destinationCidrBlock) <
          prefixLength(destinationCidrBlock),
    );
    const route: RouteChange = {
      kind: 'vpc',
      accountId,
      region,
      routeTableId: table.routeTableId,
      destinationCidrBlock,
      target: transitGatewayId,
      status: existing || coveredBy ? 'already-present' : 'planned',
      ...(!existing && coveredBy
        ? { coveredBy: destinationText(coveredBy) }
        : {}),
      ...(table.main ? { mainRouteTable: true } : {}),
    };
    changes.push(route);
  }
  return { changes, conflicts };
}
