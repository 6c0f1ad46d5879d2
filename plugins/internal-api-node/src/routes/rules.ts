import type { ExistingRoute, RouteTableFacts } from '../aws/routeTables';
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
};

/** Why a route cannot be ensured; all of them are reported together. */
export type RouteConflict = string;

/**
 * Whether an existing route for the destination is the one we would create.
 * AWS always reports a route's target. The emulator drops targets that live in
 * another account (it has no resource sharing), so an active route without a
 * target is taken as ours; a blackhole never is.
 */
export function isOurRoute(route: ExistingRoute, target: string): boolean {
  if (route.state === 'blackhole') {
    return false;
  }
  return route.target === undefined || route.target === target;
}

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
  tables: Pick<RouteTableFacts, 'routeTableId' | 'routes'>[];
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
  for (const table of tables) {
    const existing = table.routes.find(
      route => route.destinationCidrBlock === destinationCidrBlock,
    );
    const overlapping = table.routes.filter(
      route =>
        route !== existing &&
        route.target !== 'local' &&
        cidrsOverlap(route.destinationCidrBlock, destinationCidrBlock),
    );
    const elsewhere = overlapping.filter(
      route => !isOurRoute(route, transitGatewayId),
    );
    if (elsewhere.length > 0) {
      conflicts.push(
        ...elsewhere.map(route => {
          const why =
            prefixLength(route.destinationCidrBlock) <
            prefixLength(destinationCidrBlock)
              ? `a route for ${destinationCidrBlock} would take that traffic away from it`
              : `it would keep part of ${destinationCidrBlock}'s traffic from the transit gateway`;
          return `${
            table.routeTableId
          } (${vpcLabel}, account ${accountId}) routes ${
            route.destinationCidrBlock
          }, which overlaps ${destinationCidrBlock}, to ${
            route.target ?? 'no target'
          }; ${why}`;
        }),
      );
      continue;
    }
    const coveredBy = overlapping.find(
      route =>
        prefixLength(route.destinationCidrBlock) <
        prefixLength(destinationCidrBlock),
    );
    if (existing && !isOurRoute(existing, transitGatewayId)) {
      conflicts.push(
        `${table.routeTableId} (${vpcLabel}, account ${accountId}) already routes ${destinationCidrBlock} to ` +
          `${
            existing.state === 'blackhole'
              ? `a blackhole (${existing.target ?? 'deleted target'})`
              : existing.target
          }`,
      );
      continue;
    }
    const route: RouteChange = {
      kind: 'vpc',
      accountId,
      region,
      routeTableId: table.routeTableId,
      destinationCidrBlock,
      target: transitGatewayId,
      status: existing ? 'already-present' : 'planned',
    };
    changes.push(
      !existing && coveredBy
        ? {
            ...route,
            status: 'already-present',
            coveredBy: coveredBy.destinationCidrBlock,
          }
        : route,
    );
  }
  return { changes, conflicts };
}
