import type {
  DelegationStatus,
  Route53Change,
  RouteStatus,
  ZoneStatus,
} from '@internal/plugin-internal-api-common';
import { sameNameServers } from '../aws/route53';
import { ExistingRoute, RouteTableFacts, targetText } from '../aws/routeTables';
import type { TransitGatewayRoute } from '../aws/transitGateway';
import { cidrsOverlap, prefixLength } from '../cidr';
import type { ParentZone } from '../config';
import { planTgwRouteRemoval, pointsOnlyAt } from '../routes/deregisterRules';
import { recordsBesidesApex, ZoneRecord } from '../dns/undelegateRules';

// What the entity card shows, as pure rules over what was read. "Ours" is
// decided by the deregistration's rules (pointsOnlyAt, planTgwRouteRemoval),
// so the card never calls a route ours that decommission would leave alone,
// nor the reverse. Every drift carries a sentence saying what to do.

export const MISSING_ROUTE_TODO =
  'run Change consumers (it adds missing routes) or register the routes again';

const takenTodo = (where: string, cidr: string) =>
  `another target owns ${cidr} in ${where}: ask the network owner; the platform never overwrites it`;

const leadsTo = (route: ExistingRoute) =>
  route.state === 'blackhole'
    ? `a blackhole (${targetText(route)})`
    : targetText(route);

const isLocal = (route: ExistingRoute) =>
  route.targets.some(target => target.id === 'local');

/**
 * One destination in one VPC route table (prefix-list routes expanded into
 * their entries). The exact route is judged as deregistration judges it;
 * without one, a broader route (or a prefix list holding the CIDR) to the
 * gateway covers it, as register accepts, and one to anything else takes it.
 */
export function vpcRouteStatus(options: {
  accountId: string;
  table: Pick<RouteTableFacts, 'routeTableId' | 'routes'>;
  destinationCidrBlock: string;
  transitGatewayId: string;
}): RouteStatus {
  const { accountId, table, destinationCidrBlock, transitGatewayId } = options;
  const base = {
    accountId,
    routeTableId: table.routeTableId,
    destinationCidrBlock,
    target: transitGatewayId,
  };
  const exact = table.routes.find(
    route =>
      !route.prefixListId &&
      route.destinationCidrBlock === destinationCidrBlock,
  );
  if (exact) {
    if (!pointsOnlyAt(exact, [transitGatewayId])) {
      return {
        ...base,
        state: 'taken',
        foundTarget: leadsTo(exact),
        todo: takenTodo(table.routeTableId, destinationCidrBlock),
      };
    }
    return exact.state === 'blackhole'
      ? {
          ...base,
          state: 'present',
          todo: `the route in ${table.routeTableId} is a blackhole: the VPC's transit gateway attachment is gone; ask the network team to attach the VPC again`,
        }
      : { ...base, state: 'present' };
  }
  // Without an exact route the most specific broader one carries the traffic (longest prefix wins).
  const broader = table.routes
    .filter(
      route =>
        !isLocal(route) &&
        prefixLength(route.destinationCidrBlock) > 0 &&
        prefixLength(route.destinationCidrBlock) <=
          prefixLength(destinationCidrBlock) &&
        cidrsOverlap(route.destinationCidrBlock, destinationCidrBlock),
    )
    .sort(
      (a, b) =>
        prefixLength(b.destinationCidrBlock) -
        prefixLength(a.destinationCidrBlock),
    );
  const carrying = broader[0];
  if (carrying && pointsOnlyAt(carrying, [transitGatewayId])) {
    return {
      ...base,
      state: 'covered',
      foundTarget: carrying.prefixListId
        ? `prefix list ${carrying.prefixListId} (entry ${carrying.destinationCidrBlock})`
        : carrying.destinationCidrBlock,
    };
  }
  if (carrying) {
    return {
      ...base,
      state: 'taken',
      foundTarget: `${carrying.destinationCidrBlock} to ${leadsTo(carrying)}`,
      todo: takenTodo(table.routeTableId, destinationCidrBlock),
    };
  }
  return {
    ...base,
    state: 'missing',
    todo: `${table.routeTableId} has no route for ${destinationCidrBlock}: ${MISSING_ROUTE_TODO}`,
  };
}

/** The transit gateway's route to the provider VPC, judged as decommission judges it. */
export function tgwRouteStatus(options: {
  accountId: string;
  region: string;
  routeTableId: string;
  destinationCidrBlock: string;
  routes: TransitGatewayRoute[];
  providerAttachmentIds: string[];
}): RouteStatus {
  const removal = planTgwRouteRemoval({ ...options, neededBy: [] });
  const base = {
    accountId: options.accountId,
    routeTableId: options.routeTableId,
    destinationCidrBlock: options.destinationCidrBlock,
    target: removal.target,
  };
  const propagatedHere = options.routes.find(
    route =>
      route.type === 'propagated' &&
      pointsOnlyAt(route, options.providerAttachmentIds),
  );
  switch (removal.status) {
    case 'absent':
      return {
        ...base,
        state: 'missing',
        todo: `transit gateway route table ${options.routeTableId} has no route for ${options.destinationCidrBlock}: register the routes again (it adds the gateway's route)`,
      };
    case 'foreign':
      return propagatedHere
        ? { ...base, state: 'covered', foundTarget: 'propagated' }
        : {
            ...base,
            state: 'taken',
            foundTarget: removal.foundTarget,
            todo: takenTodo(
              `transit gateway route table ${options.routeTableId}`,
              options.destinationCidrBlock,
            ),
          };
    default:
      return { ...base, state: 'present' };
  }
}

/**
 * The parent's NS record for the domain against the zone's name servers.
 * A delegation that is present carries the change that made it, when it was
 * read: PENDING is no drift, Route 53 is still propagating it.
 */
export function delegationStatus(options: {
  parent: ParentZone;
  domain: string;
  /** The values of the parent's NS record of the domain, undefined when it has none. */
  parentNameServers?: string[];
  zoneNameServers: string[];
  /** The NS change the delegate action made, as GetChange answers now. */
  change?: Route53Change;
}): DelegationStatus {
  const { parent, domain, zoneNameServers } = options;
  const owner = `the owner of ${parent.domain} (zone ${parent.hostedZoneId}, account ${parent.accountId})`;
  const parentNameServers = options.parentNameServers ?? [];
  const base = {
    parentDomain: parent.domain,
    parentNameServers,
    zoneNameServers,
  };
  if (!options.parentNameServers) {
    return {
      ...base,
      state: 'missing',
      todo: `${parent.domain} has no NS record for ${domain}: nothing resolves the API's name. Run the delegation again (internal-api:dns:delegate) or ask ${owner}`,
    };
  }
  if (!sameNameServers(parentNameServers, zoneNameServers)) {
    return {
      ...base,
      state: 'different',
      todo: `${parent.domain} delegates ${domain} to other name servers than the API's zone: it was delegated elsewhere or changed by hand. Ask ${owner}; the platform never overwrites it`,
    };
  }
  return {
    ...base,
    state: 'present',
    ...(options.change ? { change: options.change } : {}),
  };
}

/** The API's zone: whether it is there and marked for the API, and whether the stack wrote records into it. */
export function zoneStatus(options: {
  hostedZoneId: string;
  accountId: string;
  domain: string;
  apiName: string;
  zone?: { name: string; markedFor?: string; records: ZoneRecord[] };
}): ZoneStatus {
  const { hostedZoneId, accountId, domain, apiName, zone } = options;
  if (!zone) {
    return {
      hostedZoneId,
      exists: false,
      deployed: false,
      recordCount: 0,
      records: [],
      todo: `zone ${hostedZoneId} (the hosted-zone-id annotation) is not in account ${accountId}: it was deleted, or the annotation is wrong. Correct the annotation, or run the delegation again`,
    };
  }
  const left = recordsBesidesApex(zone.records, domain);
  const status: ZoneStatus = {
    hostedZoneId,
    exists: true,
    ...(zone.markedFor ? { markedFor: zone.markedFor } : {}),
    deployed: left.length > 0,
    recordCount: left.length,
    records: left.slice(0, 5).map(record => `${record.type} ${record.name}`),
  };
  if (zone.name !== domain) {
    return {
      ...status,
      todo: `zone ${hostedZoneId} is for ${zone.name}, not ${domain}: correct the hosted-zone-id or domain annotation`,
    };
  }
  if (zone.markedFor !== apiName) {
    return {
      ...status,
      todo: zone.markedFor
        ? `zone ${hostedZoneId} is marked for API '${zone.markedFor}', not '${apiName}': correct the annotations, or ask that API's owner`
        : `zone ${hostedZoneId} names no internal API (internal-api:dns:delegate did not create it): decommission will leave it alone`,
    };
  }
  return status;
}
