import { ExistingRoute, RouteTableFacts, targetText } from '../aws/routeTables';
import type { TransitGatewayRoute } from '../aws/transitGateway';
import { cidrsOverlap, prefixLength } from '../cidr';

// Which routes of a registration may go: pure rules over plain data. The
// catalog is the inventory (its entities come in as claims), EC2's tables
// say what exists; a route is removed only when it is exactly the route
// register creates and no other internal API in the VPC still needs it.

/** An internal API in the catalog, as far as routes go: where it runs and whom it serves. */
export type RouteClaim = {
  /** e.g. `component:default/orders-api` */
  entityRef: string;
  accountId: string;
  vpcId: string;
  /**
   * The names its `internal-api.platform/consumers` annotation lists;
   * undefined when it has no such annotation: its consumers are unknown, so
   * it counts as needing every route of the VPC (never cut off an API).
   */
  consumers?: string[];
};

/**
 * What happens to one route: `planned` (a dry-run or planOnly would remove
 * it), `removed`, `kept` (other APIs still need it), `foreign` (not the
 * route register creates: left alone), `absent` (nothing to remove).
 */
export type RouteRemovalStatus =
  | 'planned'
  | 'removed'
  | 'kept'
  | 'foreign'
  | 'absent';

/** One route the deregistration looked at, in a VPC route table or the transit gateway route table. */
export type RouteRemoval = {
  kind: 'vpc' | 'transit-gateway';
  accountId: string;
  region: string;
  routeTableId: string;
  destinationCidrBlock: string;
  /** Where a registered route leads: tgw-… in a VPC table, the provider's tgw-attach-… in the gateway's table. */
  target: string;
  /** VPC routes: the VPC the table is in. */
  vpcId?: string;
  /** VPC routes: the consumer network(s) the route connects the provider with. */
  consumer?: string;
  status: RouteRemovalStatus;
  /** kept: the catalog entities that still need the route. */
  neededBy?: string[];
  /** foreign: where the route leads instead. */
  foundTarget?: string;
  /** kept and foreign: why the route stays. */
  reason?: string;
  /** The VPC's main route table (it also serves subnets without a table of their own). */
  mainRouteTable?: boolean;
};

/** A consumer network as the count compares them: by VPC, and by CIDR where it is known. */
export type ConsumerFacts = {
  /** `<account>/<region>/<vpc>` for a configured consumer, `name:<name>` for one the config no longer has. */
  network: string;
  cidr?: string;
};

/** Where the count looks: the provider's account and VPC, without the API being changed. */
export type ClaimScope = {
  accountId: string;
  vpcId: string;
  /** The API being changed; refs compare without case, as the catalog compares them. */
  excluding?: string;
};

const same = (a: string | undefined, b: string | undefined) =>
  a?.trim().toLowerCase() === b?.trim().toLowerCase();

/**
 * Whether the claim is another internal API in the provider's account and
 * VPC. Compared as the catalog filter compares, without case: a claim the
 * catalog found must never be dropped here (a lost claim cuts a route off).
 */
export const isOtherApiInVpc = (claim: RouteClaim, scope: ClaimScope) =>
  same(claim.accountId, scope.accountId) &&
  same(claim.vpcId, scope.vpcId) &&
  !same(claim.entityRef, scope.excluding);

/** The other APIs in the VPC that `needs` accepts (default: all of them), sorted, each once. */
export function claimantsOf(
  claims: RouteClaim[],
  scope: ClaimScope,
  needs: (claim: RouteClaim) => boolean = () => true,
): string[] {
  return [
    ...new Set(
      claims
        .filter(claim => isOtherApiInVpc(claim, scope) && needs(claim))
        .map(claim => claim.entityRef),
    ),
  ].sort();
}

/**
 * Who still needs the routes between the provider VPC and one consumer.
 * The consumer's own route (to the provider CIDR, in its VPC) serves every
 * API of the VPC that lists a consumer in that VPC. The provider's return
 * route (to the consumer CIDR) carries traffic for every consumer whose CIDR
 * overlaps it: register writes none for a CIDR a broader route to the gateway
 * already carries, so that route is another consumer's too.
 */
export function consumerRouteClaimants(
  claims: RouteClaim[],
  scope: ClaimScope,
  consumer: ConsumerFacts,
  facts: (name: string) => ConsumerFacts,
): { consumerSide: string[]; providerSide: string[] } {
  const sameVpc = (name: string) => facts(name).network === consumer.network;
  const overlapping = (name: string) => {
    const cidr = facts(name).cidr;
    return Boolean(cidr && consumer.cidr && cidrsOverlap(cidr, consumer.cidr));
  };
  const lists = (claim: RouteClaim, match: (name: string) => boolean) =>
    claim.consumers === undefined || claim.consumers.some(match);
  return {
    consumerSide: claimantsOf(claims, scope, claim => lists(claim, sameVpc)),
    providerSide: claimantsOf(claims, scope, claim =>
      lists(claim, name => sameVpc(name) || overlapping(name)),
    ),
  };
}

/** Whether the route leads to this one target, whatever its state: a blackhole route to our gateway is still ours. */
export const pointsOnlyAt = (route: ExistingRoute, targets: string[]) =>
  route.targets.length === 1 && targets.includes(route.targets[0].id);

const leadsTo = (route: ExistingRoute) =>
  route.state === 'blackhole'
    ? `a blackhole (${targetText(route)})`
    : targetText(route);

/** The status of one route: absent, foreign (not exactly ours), kept (needed) or planned. */
export function removalOf(
  base: Omit<RouteRemoval, 'status'>,
  found: ExistingRoute | undefined,
  ours: (route: ExistingRoute) => boolean,
  neededBy: string[],
): RouteRemoval {
  if (!found) {
    return { ...base, status: 'absent' };
  }
  if (prefixLength(found.destinationCidrBlock) === 0 || !ours(found)) {
    return {
      ...base,
      status: 'foreign',
      foundTarget: targetText(found),
      reason:
        prefixLength(found.destinationCidrBlock) === 0
          ? 'a default route is never removed'
          : `it leads to ${leadsTo(found)}, not to ${base.target}: ` +
            'not the route register creates (changed outside the platform?), so it is left alone',
    };
  }
  if (neededBy.length > 0) {
    return {
      ...base,
      status: 'kept',
      neededBy,
      reason: `still needed by ${neededBy.join(', ')}`,
    };
  }
  return { ...base, status: 'planned' };
}

/**
 * One destination in each of a VPC's tables: only an IPv4 route for exactly
 * that CIDR counts (a broader route or a prefix list is never one register
 * created), and only one to the configured transit gateway alone is ours.
 */
export function planVpcRouteRemovals(options: {
  accountId: string;
  region: string;
  vpcId: string;
  tables: Pick<RouteTableFacts, 'routeTableId' | 'routes' | 'main'>[];
  destinationCidrBlock: string;
  transitGatewayId: string;
  consumer: string;
  neededBy: string[];
}): RouteRemoval[] {
  const { tables, destinationCidrBlock, transitGatewayId, neededBy } = options;
  return tables.map(table =>
    removalOf(
      {
        kind: 'vpc',
        accountId: options.accountId,
        region: options.region,
        routeTableId: table.routeTableId,
        destinationCidrBlock,
        target: transitGatewayId,
        vpcId: options.vpcId,
        consumer: options.consumer,
        ...(table.main ? { mainRouteTable: true } : {}),
      },
      table.routes.find(
        route => route.destinationCidrBlock === destinationCidrBlock,
      ),
      route => pointsOnlyAt(route, [transitGatewayId]),
      neededBy,
    ),
  );
}

/**
 * The transit gateway's static route to the provider VPC: ours when it leads
 * to one attachment of that VPC. A propagated route is the gateway's own
 * (its attachment's propagation makes it): never removed, reported.
 */
export function planTgwRouteRemoval(options: {
  accountId: string;
  region: string;
  routeTableId: string;
  destinationCidrBlock: string;
  routes: TransitGatewayRoute[];
  /** The provider VPC's attachments to the configured gateway, the one carrying traffic first. */
  providerAttachmentIds: string[];
  neededBy: string[];
}): RouteRemoval {
  const { routes, providerAttachmentIds } = options;
  const base = {
    kind: 'transit-gateway' as const,
    accountId: options.accountId,
    region: options.region,
    routeTableId: options.routeTableId,
    destinationCidrBlock: options.destinationCidrBlock,
    target: providerAttachmentIds[0] ?? 'no attachment of the provider VPC',
  };
  const staticRoute = routes.find(route => route.type === 'static');
  const propagated = routes.find(route => route.type === 'propagated');
  if (!staticRoute && propagated) {
    return {
      ...base,
      status: 'foreign',
      foundTarget: targetText(propagated),
      reason: `a propagated route to ${targetText(
        propagated,
      )}, not a static one: the gateway keeps it while the attachment propagates`,
    };
  }
  return removalOf(
    base,
    staticRoute,
    route => pointsOnlyAt(route, providerAttachmentIds),
    options.neededBy,
  );
}

/**
 * One row per route: two consumers of one VPC (or of one CIDR, on the
 * provider side) name the same route, which goes only if neither needs it.
 */
export function mergeRemovals(rows: RouteRemoval[]): RouteRemoval[] {
  const merged = new Map<string, RouteRemoval>();
  for (const row of rows) {
    const key = `${row.accountId} ${row.routeTableId} ${row.destinationCidrBlock}`;
    const seen = merged.get(key);
    if (!seen) {
      merged.set(key, row);
      continue;
    }
    const neededBy = [
      ...new Set([...(seen.neededBy ?? []), ...(row.neededBy ?? [])]),
    ].sort();
    const consumer = [seen.consumer, row.consumer].filter(Boolean).join(', ');
    merged.set(key, {
      ...(seen.status === 'kept' || seen.status === 'planned'
        ? {
            ...seen,
            ...(neededBy.length > 0
              ? {
                  status: 'kept' as const,
                  neededBy,
                  reason: `still needed by ${neededBy.join(', ')}`,
                }
              : {}),
          }
        : seen),
      ...(consumer ? { consumer } : {}),
    });
  }
  return [...merged.values()];
}
