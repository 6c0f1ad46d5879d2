import type { ExistingRoute, RouteTableFacts } from '../aws/routeTables';

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
};

/** Why a route cannot be ensured; all of them are reported together. */
export type RouteConflict = string;

const toRange = (cidr: string) => {
  const [address, bits] = cidr.split('/');
  const start = address
    .split('.')
    .reduce((n, octet) => n * 256 + Number(octet), 0);
  const size = 2 ** (32 - Number(bits));
  return {
    start: start - (start % size),
    end: start - (start % size) + size - 1,
    bits: Number(bits),
  };
};

export function cidrsOverlap(a: string, b: string): boolean {
  const x = toRange(a);
  const y = toRange(b);
  return x.start <= y.end && y.start <= x.end;
}

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
  if (toRange(destinationCidrBlock).bits === 0) {
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
    changes.push({
      kind: 'vpc',
      accountId,
      region,
      routeTableId: table.routeTableId,
      destinationCidrBlock,
      target: transitGatewayId,
      status: existing ? 'already-present' : 'planned',
    });
  }
  return { changes, conflicts };
}
