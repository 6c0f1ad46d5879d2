import { InputError } from '@backstage/errors';
import type { ConsumerNetwork } from '@internal/plugin-internal-api-common';
import type { AwsClients } from '../aws/access';
import { readRouteTables, RouteTableFacts } from '../aws/routeTables';
import {
  carriesTraffic,
  describeVpcAttachments,
  findTgwRoutes,
} from '../aws/transitGateway';
import { describeVpc, subnetZones } from '../aws/vpcs';
import type { Plan, PlannedWrite } from '../checkpoint';
import type { InternalApiConfig } from '../config';
import {
  claimantsOf,
  ClaimScope,
  ConsumerFacts,
  consumerRouteClaimants,
  isOtherApiInVpc,
  mergeRemovals,
  planTgwRouteRemoval,
  planVpcRouteRemovals,
  RouteClaim,
  RouteRemoval,
} from './deregisterRules';
import { refuseMissingEntity } from './deregisterRequest';
import { routeScope } from './scope';
import { SkippedRouteTable, tablesInUse, VpcSide } from './vpcSide';

/** What internal-api:tgw:deregister-routes asks for. */
export interface DeregisterRequest {
  accountId: string;
  region: string;
  /** The API's VPC; left out, the account's configured VPC (the only one an API can be in). */
  vpcId?: string;
  /** The consumers whose routes to the API go: names from internalApi.consumers. */
  consumers: string[];
  /** The API being changed: left out of the count (its entity may still list the consumers). */
  entityRef?: string;
  /** The API goes away: its transit gateway route goes too, unless another API in the VPC remains. */
  decommission: boolean;
  /** A creation that failed half-way: it never reached the catalog, so no entityRef; every entity counts. */
  halfCreated?: boolean;
  /** The internal APIs the catalog lists in this account and VPC (the action reads them). */
  claims: RouteClaim[];
}

/** A route apply deletes; a VPC route names its VPC, to re-read the table when EC2 says it is gone. */
export type RouteRemovalWrite = PlannedWrite &
  ({ op: 'delete-vpc-route'; vpcId: string } | { op: 'delete-tgw-route' });

export type DeregistrationPlan = Plan<RouteRemoval, RouteRemovalWrite> & {
  providerCidr: string;
  /** The removed consumers' CIDRs, in the order given (for the API's security group). */
  consumerNetworks: { name: string; cidr: string }[];
  /** Route tables the plan leaves alone, and why. */
  skipped: SkippedRouteTable[];
};

/** Names the route, so a retried task finds the result of its earlier delete; not register's key. */
const checkpointKeyOf = (route: RouteRemoval) =>
  `internal-api:tgw:route-removal:${route.accountId}:${route.routeTableId}:${route.destinationCidrBlock}`;

const networkOf = (consumer: ConsumerNetwork) =>
  `${consumer.accountId}/${consumer.region}/${consumer.vpcId}`;

async function cidrOf(clients: AwsClients, side: VpcSide) {
  const vpc = await describeVpc(await clients.ec2(side.location), side.vpcId);
  if (!vpc) {
    throw new InputError(
      `${side.label}: VPC ${side.vpcId} was not found in account ${side.location.accountId}, region ${side.location.region}; ` +
        'its CIDR names the routes to remove. Remove them by hand, or restore the VPC in internalApi.',
    );
  }
  return vpc.vpcCidr;
}

/**
 * The tables of a VPC the deregistration looks at: those a subnet uses (as
 * register picks a consumer's), plus, where `holding` is given (the
 * provider, whose subnets the request does not name), any other table with a
 * route for one of those CIDRs. Edge route tables are never written. Two
 * calls: the tables and the subnets.
 */
async function readSide(
  clients: AwsClients,
  side: VpcSide,
  holding?: string[],
): Promise<{ tables: RouteTableFacts[]; skipped: SkippedRouteTable[] }> {
  const ec2 = await clients.ec2(side.location);
  const all = await readRouteTables(ec2, side.vpcId);
  const skip = (table: RouteTableFacts, reason: string) => ({
    routeTableId: table.routeTableId,
    vpc: side.label,
    reason,
  });
  const edge = all.filter(table => table.gatewayIds.length > 0);
  const inUse = tablesInUse(
    all.filter(table => !edge.includes(table)),
    await subnetZones(ec2, { vpcId: side.vpcId }),
  );
  const holds = (table: RouteTableFacts) =>
    table.routes.some(route => holding?.includes(route.destinationCidrBlock));
  return {
    tables: [...inUse.used, ...inUse.unused.filter(holds)],
    skipped: [
      ...edge.map(table =>
        skip(
          table,
          `associated with ${table.gatewayIds.join(
            ', ',
          )} (an edge route table); never written`,
        ),
      ),
      ...inUse.unused
        .filter(table => !holds(table))
        .map(table =>
          skip(
            table,
            `no subnet uses it${table.main ? ' (the main route table)' : ''}`,
          ),
        ),
    ],
  };
}

/**
 * Read-only: checks the request against the config (before any AWS call),
 * then reads each VPC's CIDR, route tables and subnets (three calls a VPC),
 * the CIDR of each other consumer the remaining APIs list (one call each),
 * and, to decommission, the provider's attachments and the transit gateway
 * route (two calls in the network account). Nothing is refused for a route
 * that is not ours: it is reported as `foreign` and left alone.
 */
export async function planRouteDeregistration(
  internalApi: InternalApiConfig,
  clients: AwsClients,
  request: DeregisterRequest,
): Promise<DeregistrationPlan> {
  const {
    transitGateway,
    account,
    vpcId,
    consumers,
    provider,
    consumerSides: sides,
  } = routeScope(internalApi, request, { vpcIdCanBeEmpty: true });
  refuseMissingEntity(request);
  const scope: ClaimScope = {
    accountId: account.accountId,
    vpcId,
    excluding: request.entityRef,
  };

  const providerCidr = await cidrOf(clients, provider);
  const consumerCidrs = await Promise.all(
    sides.map(side => cidrOf(clients, side)),
  );
  const facts = await consumerFacts(internalApi, clients, {
    listed: request.claims
      .filter(claim => isOtherApiInVpc(claim, scope))
      .flatMap(claim => claim.consumers ?? []),
    known: new Map(
      consumers.map((consumer, index) => [
        consumer.name,
        { network: networkOf(consumer), cidr: consumerCidrs[index] },
      ]),
    ),
  });
  const providerTables = await readSide(clients, provider, consumerCidrs);
  const consumerTables = await Promise.all(
    sides.map(side => readSide(clients, side)),
  );

  const rows: RouteRemoval[] = [];
  consumers.forEach((consumer, index) => {
    const neededBy = consumerRouteClaimants(
      request.claims,
      scope,
      facts(consumer.name),
      facts,
    );
    rows.push(
      ...planVpcRouteRemovals({
        accountId: consumer.accountId,
        region: consumer.region,
        vpcId: consumer.vpcId,
        tables: consumerTables[index].tables,
        destinationCidrBlock: providerCidr,
        transitGatewayId: transitGateway.id,
        consumer: consumer.name,
        neededBy: neededBy.consumerSide,
      }),
      ...planVpcRouteRemovals({
        accountId: account.accountId,
        region: account.region,
        vpcId,
        tables: providerTables.tables,
        destinationCidrBlock: consumerCidrs[index],
        transitGatewayId: transitGateway.id,
        consumer: consumer.name,
        neededBy: neededBy.providerSide,
      }),
    );
  });

  // While the API stays it still needs its transit gateway route: only a decommission looks at it.
  const { routeTableId } = transitGateway;
  if (request.decommission && routeTableId) {
    const network = await clients.ec2(transitGateway);
    const attachments = (
      await describeVpcAttachments(network, transitGateway.id, [vpcId])
    ).sort((a, b) => Number(carriesTraffic(b)) - Number(carriesTraffic(a)));
    rows.push(
      planTgwRouteRemoval({
        accountId: transitGateway.accountId,
        region: transitGateway.region,
        routeTableId,
        destinationCidrBlock: providerCidr,
        routes: await findTgwRoutes(network, routeTableId, providerCidr),
        providerAttachmentIds: attachments.map(a => a.attachmentId),
        neededBy: claimantsOf(request.claims, scope),
      }),
    );
  }

  const changes = mergeRemovals(rows);
  return {
    changes,
    writes: changes.flatMap((change, index): RouteRemovalWrite[] => {
      if (change.status !== 'planned') {
        return [];
      }
      const write = { change: index, checkpointKey: checkpointKeyOf(change) };
      return [
        change.vpcId
          ? { ...write, op: 'delete-vpc-route', vpcId: change.vpcId }
          : { ...write, op: 'delete-tgw-route' },
      ];
    }),
    providerCidr,
    consumerNetworks: consumers.map(({ name }, index) => ({
      name,
      cidr: consumerCidrs[index],
    })),
    skipped: [
      ...consumerTables.flatMap(side => side.skipped),
      ...providerTables.skipped,
    ],
  };
}

/**
 * How the count compares the consumers the remaining APIs list: by VPC (from
 * the config), and by CIDR (one DescribeVpcs each, in its account) for those
 * not among the request's. A name the config no longer has compares by name.
 */
async function consumerFacts(
  internalApi: InternalApiConfig,
  clients: AwsClients,
  options: { listed: string[]; known: Map<string, ConsumerFacts> },
): Promise<(name: string) => ConsumerFacts> {
  const facts = new Map(options.known);
  for (const name of new Set(options.listed)) {
    const consumer = internalApi.consumers.find(c => c.name === name);
    if (facts.has(name) || !consumer) {
      continue;
    }
    const network = networkOf(consumer);
    // Another name for a VPC the request names: same CIDR, no call.
    const sameVpc = [...facts.values()].find(f => f.network === network);
    const cidr =
      sameVpc?.cidr ??
      (await describeVpc(await clients.ec2(consumer), consumer.vpcId))?.vpcCidr;
    facts.set(name, { network, cidr });
  }
  return name => facts.get(name) ?? { network: `name:${name}` };
}
