import type {
  AwsLocation,
  ConsumerNetwork,
  ConsumerRouteStatus,
  InternalApiStatus,
  RouteStatus,
} from '@internal/plugin-internal-api-common';
import type { AwsClients } from '../aws/access';
import { withPrefixListEntries } from '../aws/prefixLists';
import { readRouteTables, RouteTableFacts } from '../aws/routeTables';
import {
  carriesTraffic,
  describeVpcAttachments,
  findTgwRoutes,
} from '../aws/transitGateway';
import { describeVpc, subnetZones } from '../aws/vpcs';
import {
  findWorkloadAccount,
  InternalApiConfig,
  workloadVpcId,
} from '../config';
import { normalizeDomainName } from '../dns/names';
import { normalizeApiName } from '../dns/ownership';
import { pointsOnlyAt } from '../routes/deregisterRules';
import { tablesInUse } from '../routes/vpcSide';
import { readDns } from './readDns';
import { MISSING_ROUTE_TODO, tgwRouteStatus, vpcRouteStatus } from './rules';

/** What the status reads, as the Component's annotations say it. */
export type StatusRequest = {
  /** e.g. `component:default/orders-api` */
  entityRef: string;
  /** The Component's name: the API a zone's mark must name. */
  apiName: string;
  accountId: string;
  region: string;
  vpcId: string;
  domain: string;
  hostedZoneId: string;
  /** Names from the consumers annotation. */
  consumers: string[];
  /** The parent's NS change the delegate action made (delegation-change annotation), a bare `C…` id. */
  delegationChangeId?: string;
};

export type ApiStatusReading = Omit<
  InternalApiStatus,
  'checkedAt' | 'cacheSeconds'
>;

type VpcReading = {
  cidr?: string;
  /** Non-edge tables, prefix-list routes expanded. */
  tables: RouteTableFacts[];
  zoneOf?: Map<string, string>;
};

/**
 * One VPC: its CIDR, its route tables (one DescribeRouteTables for all of
 * them), with `subnets` the zones of its subnets (one DescribeSubnets), and
 * one call per prefix list its tables route. Edge tables are left out:
 * register never writes them.
 */
async function readVpc(
  clients: AwsClients,
  location: AwsLocation,
  vpcId: string,
  options: { subnets: boolean },
): Promise<VpcReading> {
  const ec2 = await clients.ec2(location);
  const [vpc, tables, zoneOf] = await Promise.all([
    describeVpc(ec2, vpcId),
    readRouteTables(ec2, vpcId),
    options.subnets ? subnetZones(ec2, { vpcId }) : undefined,
  ]);
  if (!vpc) {
    return { tables: [] };
  }
  const routed = tables.filter(table => table.gatewayIds.length === 0);
  return {
    cidr: vpc.vpcCidr,
    tables: await withPrefixListEntries(ec2, routed),
    zoneOf,
  };
}

/**
 * The provider tables the status looks at: those register wrote to, i.e.
 * that route something to the gateway alone or hold a route for a
 * consumer's CIDR (a route re-pointed by hand keeps its table in view). The
 * annotations do not name the API's subnets, and every table a subnet uses
 * would include public ones register never writes: false "missing" rows.
 */
const providerTables = (
  tables: RouteTableFacts[],
  transitGatewayId: string,
  consumerCidrs: string[],
) =>
  tables.filter(table =>
    table.routes.some(
      route =>
        (!route.prefixListId && pointsOnlyAt(route, [transitGatewayId])) ||
        consumerCidrs.includes(route.destinationCidrBlock),
    ),
  );

/**
 * Read-only: the status the entity card shows. Checks the annotations
 * against the config (before any AWS call), then reads, in parallel: in the
 * workload account the zone (GetHostedZone, one ListResourceRecordSets page
 * for the API's names) and the provider VPC (DescribeVpcs,
 * DescribeRouteTables); in the parent zone's account one
 * ListResourceRecordSets and, with a delegation change id, one GetChange; per consumer VPC DescribeVpcs, DescribeRouteTables
 * and DescribeSubnets; in the network account the provider's attachments and
 * the gateway's route for its CIDR. A fixed number of calls, whatever the
 * number of route tables or of other APIs in the VPC (plus one per prefix
 * list the tables route).
 */
export async function readApiStatus(
  internalApi: InternalApiConfig,
  clients: AwsClients,
  request: StatusRequest,
): Promise<ApiStatusReading> {
  const account = findWorkloadAccount(
    internalApi,
    request.accountId,
    request.region,
  );
  const vpcId = workloadVpcId(account, request.vpcId, { canBeEmpty: false });
  const domain = normalizeDomainName('domain', request.domain);
  const apiName = normalizeApiName('apiName', request.apiName);
  const { transitGateway } = internalApi;
  const configured = request.consumers.map(name => ({
    name,
    network: internalApi.consumers.find(c => c.name === name),
  }));
  // Consumers in one VPC share its tables: read each VPC once.
  const networkKey = (c: ConsumerNetwork) =>
    `${c.accountId}/${c.region}/${c.vpcId}`;
  const consumerVpcs = new Map<string, Promise<VpcReading>>();
  for (const { network } of configured) {
    if (network && !consumerVpcs.has(networkKey(network))) {
      consumerVpcs.set(
        networkKey(network),
        readVpc(clients, network, network.vpcId, { subnets: true }),
      );
    }
  }

  const providerReading = readVpc(clients, account, vpcId, { subnets: false });
  const tgwReading = providerReading.then(async provider => {
    if (!transitGateway?.routeTableId || !provider.cidr) {
      return undefined;
    }
    const network = await clients.ec2(transitGateway);
    const [attachments, routes] = await Promise.all([
      describeVpcAttachments(network, transitGateway.id, [vpcId]),
      findTgwRoutes(network, transitGateway.routeTableId, provider.cidr),
    ]);
    return tgwRouteStatus({
      accountId: transitGateway.accountId,
      region: transitGateway.region,
      routeTableId: transitGateway.routeTableId,
      destinationCidrBlock: provider.cidr,
      routes,
      providerAttachmentIds: attachments
        .sort((a, b) => Number(carriesTraffic(b)) - Number(carriesTraffic(a)))
        .map(a => a.attachmentId),
    });
  });
  const [dns, provider, transitGatewayRoute] = await Promise.all([
    readDns(internalApi, clients, { ...request, domain, apiName }),
    providerReading,
    tgwReading,
  ]);

  const consumerCidrs = new Map<string, string | undefined>();
  for (const [key, reading] of consumerVpcs) {
    consumerCidrs.set(key, (await reading).cidr);
  }
  const tgwId = transitGateway?.id ?? 'no transit gateway configured';
  const providerSideTables = providerTables(
    provider.tables,
    tgwId,
    [...consumerCidrs.values()].filter((c): c is string => Boolean(c)),
  );
  const routeRows = (
    accountId: string,
    tables: RouteTableFacts[],
    destinationCidrBlock: string,
  ): RouteStatus[] =>
    tables.map(table =>
      vpcRouteStatus({
        accountId,
        table,
        destinationCidrBlock,
        transitGatewayId: tgwId,
      }),
    );

  const consumers: ConsumerRouteStatus[] = [];
  for (const { name, network } of configured) {
    if (!network) {
      consumers.push({
        name,
        providerSide: [],
        consumerSide: [],
        problem: `'${name}' is not a configured consumer network (internalApi.consumers): correct the consumers annotation, or ask a platform engineer`,
      });
      continue;
    }
    const reading = await consumerVpcs.get(networkKey(network))!;
    if (!reading.cidr || !provider.cidr) {
      consumers.push({
        name,
        providerSide: [],
        consumerSide: [],
        problem: reading.cidr
          ? `the provider VPC ${vpcId} was not found in account ${account.accountId}`
          : `VPC ${network.vpcId} was not found in account ${network.accountId}, region ${network.region}: the consumer network is gone; remove it with Change consumers`,
      });
      continue;
    }
    const inUse = tablesInUse(reading.tables, reading.zoneOf ?? new Map());
    consumers.push({
      name,
      cidr: reading.cidr,
      ...(providerSideTables.length === 0
        ? {
            problem: `no route table of ${vpcId} routes to transit gateway ${tgwId}: ${MISSING_ROUTE_TODO}`,
          }
        : {}),
      providerSide: routeRows(
        account.accountId,
        providerSideTables,
        reading.cidr,
      ),
      consumerSide: routeRows(network.accountId, inUse.used, provider.cidr),
    });
  }

  const drift = [
    dns.delegation.todo,
    dns.zone.todo,
    transitGatewayRoute?.todo,
    ...consumers.flatMap(consumer => [
      consumer.problem,
      ...[...consumer.providerSide, ...consumer.consumerSide].map(
        route => route.todo && `${consumer.name}: ${route.todo}`,
      ),
    ]),
  ].filter((todo): todo is string => Boolean(todo));
  return {
    entityRef: request.entityRef,
    accountId: account.accountId,
    region: account.region,
    vpcId,
    ...(provider.cidr ? { vpcCidr: provider.cidr } : {}),
    domain,
    delegation: dns.delegation,
    zone: dns.zone,
    ...(transitGatewayRoute ? { transitGatewayRoute } : {}),
    consumers,
    drift,
  };
}
