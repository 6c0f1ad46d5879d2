import {
  DescribeRouteTablesCommand,
  SearchTransitGatewayRoutesCommand,
} from '@aws-sdk/client-ec2';
import {
  ListHostedZonesCommand,
  ListResourceRecordSetsCommand,
} from '@aws-sdk/client-route-53';
import { ec2In, route53In } from './accounts';
import { Landscape, SANDBOX_REGION } from './landscape';
import type { MotoServer } from './motoServer';

/**
 * Everything the internal-api actions may write in the sandbox, read back
 * from the emulator as sorted text lines: the routes of every VPC of the
 * landscape (in the account each lives in), the transit gateway's static
 * routes, and every hosted zone, with its records, of the accounts that hold
 * parent zones or workloads. Two snapshots are equal exactly when nothing the
 * actions touch changed.
 */
export async function landscapeState(moto: MotoServer, landscape: Landscape) {
  const vpcRoutes: Record<string, string[]> = {};
  for (const [name, vpc] of Object.entries(landscape.vpcs)) {
    const ec2 = await ec2In(moto, vpc.accountId, SANDBOX_REGION);
    const { RouteTables = [] } = await ec2.send(
      new DescribeRouteTablesCommand({
        Filters: [{ Name: 'vpc-id', Values: [vpc.vpcId] }],
      }),
    );
    ec2.destroy();
    vpcRoutes[name] = RouteTables.flatMap(table =>
      (table.Routes ?? []).map(
        route =>
          `${table.RouteTableId} ${route.DestinationCidrBlock} -> ${
            route.TransitGatewayId ?? route.GatewayId ?? '?'
          } ${route.State}`,
      ),
    ).sort();
  }

  const { transitGateway, parentZones, workloadAccounts } =
    landscape.config.internalApi;
  const network = await ec2In(moto, transitGateway.accountId, SANDBOX_REGION);
  const { Routes = [] } = await network.send(
    new SearchTransitGatewayRoutesCommand({
      TransitGatewayRouteTableId: transitGateway.routeTableId,
      Filters: [{ Name: 'type', Values: ['static'] }],
    }),
  );
  network.destroy();
  const transitGatewayRoutes = Routes.map(
    route => `${route.DestinationCidrBlock} ${route.State}`,
  ).sort();

  const hostedZones: Record<string, string[]> = {};
  // Parent zones get delegations; workload accounts get the delegated zones.
  const zoneAccounts = new Set(
    [...parentZones, ...workloadAccounts].map(entry => entry.accountId),
  );
  for (const accountId of zoneAccounts) {
    const route53 = await route53In(moto, accountId);
    const { HostedZones = [] } = await route53.send(
      new ListHostedZonesCommand({}),
    );
    for (const zone of HostedZones) {
      const { ResourceRecordSets = [] } = await route53.send(
        new ListResourceRecordSetsCommand({ HostedZoneId: zone.Id }),
      );
      // Two zones of one name (what a retry must never create) stay two entries.
      let key = `${accountId} ${zone.Name}`;
      for (let n = 2; key in hostedZones; n++) {
        key = `${accountId} ${zone.Name} #${n}`;
      }
      hostedZones[key] = ResourceRecordSets.map(
        set =>
          `${set.Name} ${set.Type} ${(set.ResourceRecords ?? [])
            .map(record => record.Value)
            .join(',')}`,
      ).sort();
    }
    route53.destroy();
  }

  return { vpcRoutes, transitGatewayRoutes, hostedZones };
}

export type LandscapeState = Awaited<ReturnType<typeof landscapeState>>;

// Ids a fresh emulator draws at random: rtb-…, tgw-…, tgw-attach-…, igw-…
const RESOURCE_ID = /\b([a-z]+(?:-[a-z]+)*)-[0-9a-f]{8,17}\b/g;

/**
 * NS records with each zone's own name servers (which the sandbox proxy draws
 * from the zone's random id, as AWS assigns a delegation set) named after
 * that zone instead: `<name servers of <account> <zone>>`, in the zone's apex
 * record and in a parent's delegation to it alike. A delegation to servers
 * no single zone has keeps them, so it still differs.
 */
function withNamedNameServers(hostedZones: Record<string, string[]>) {
  const apexValues = (zone: string) => {
    const prefix = `${zone.split(' ')[1]} NS `;
    return hostedZones[zone]
      .find(line => line.startsWith(prefix))
      ?.slice(prefix.length);
  };
  const zonesByServers = new Map<string, string[]>();
  for (const zone of Object.keys(hostedZones)) {
    const values = apexValues(zone);
    if (values) {
      zonesByServers.set(values, [...(zonesByServers.get(values) ?? []), zone]);
    }
  }
  return Object.fromEntries(
    Object.entries(hostedZones).map(([zone, lines]) => [
      zone,
      lines.map(line => {
        const [name, type, values] = line.split(' ');
        const owners = zonesByServers.get(values);
        // Servers several zones share (the emulator's own, in zones made without the proxy) name none.
        return type === 'NS' && owners?.length === 1
          ? `${name} NS <name servers of ${owners[0]}>`
          : line;
      }),
    ]),
  );
}

/**
 * A state with the random resource ids left out, so that the states of two
 * sandboxes seeded alike compare: each VPC's route tables become the sorted
 * list of their routes (a table is known by what it holds), targets keep only
 * their kind (`tgw-*`); name servers are named after their zone. Zones and
 * records are named, not numbered, already. A route written twice or into
 * another table, or a delegation to another zone, still makes the states differ.
 */
export function withoutRandomIds(state: LandscapeState) {
  const vpcRoutes = Object.fromEntries(
    Object.entries(state.vpcRoutes).map(([vpc, lines]) => {
      const tables = new Map<string, string[]>();
      for (const line of lines) {
        const [table, ...route] = line.split(' ');
        tables.set(table, [
          ...(tables.get(table) ?? []),
          route.join(' ').replace(RESOURCE_ID, '$1-*'),
        ]);
      }
      return [
        vpc,
        [...tables.values()].map(routes => routes.sort().join('; ')).sort(),
      ];
    }),
  );
  return {
    ...state,
    hostedZones: withNamedNameServers(state.hostedZones),
    vpcRoutes,
  };
}

/** Lines in `after` that `before` does not have, per key (keys of either). */
export function addedLines(
  before: Record<string, string[]>,
  after: Record<string, string[]>,
) {
  return Object.fromEntries(
    Object.keys({ ...before, ...after }).map(key => [
      key,
      (after[key] ?? []).filter(line => !(before[key] ?? []).includes(line)),
    ]),
  );
}
