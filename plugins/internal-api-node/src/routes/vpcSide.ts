import { InputError } from '@backstage/errors';
import type { AwsLocation } from '@internal/plugin-internal-api-common';
import type { AwsClients } from '../aws/access';
import { withPrefixListEntries } from '../aws/prefixLists';
import { readRouteTables, RouteTableFacts } from '../aws/routeTables';
import { subnetZones } from '../aws/vpcs';
import { planVpcRoutes, RouteChange, RouteConflict } from './rules';

/** A VPC side of the registration and where it is. */
export interface VpcSide {
  label: string;
  location: AwsLocation;
  vpcId: string;
  /**
   * Only these route tables (the provider's subnets). Default: every table a
   * subnet of the VPC uses (a consumer's workloads may be in any of them).
   */
  routeTableIds?: string[];
}

/** A route table the plan leaves alone, which VPC it is in (the side's label), and why. */
export type SkippedRouteTable = {
  routeTableId: string;
  vpc: string;
  reason: string;
};

/** What the plan knows of one VPC side once its reads are in. */
export type SideReads = {
  side: VpcSide;
  /** The tables that may get routes, each prefix-list route as one route per entry. */
  routed: RouteTableFacts[];
  skipped: SkippedRouteTable[];
  /** The zones of the subnets whose tables get routes (consumers only: the provider's are placement's). */
  zones?: string[];
  /** Zone of every subnet of the VPC, by id (consumers only). */
  zoneOf?: Map<string, string>;
};

/** One VPC side's routes: what it needs, what stands in the way. */
export type SidePlan = Omit<SideReads, 'routed'> & {
  changes: RouteChange[];
  conflicts: RouteConflict[];
};

/**
 * Which of a consumer VPC's tables carry its workloads' traffic: those with
 * subnets, and the main one only while a subnet has no table of its own.
 */
export function tablesInUse(
  tables: RouteTableFacts[],
  zoneOf: Map<string, string>,
) {
  const explicit = new Set(tables.flatMap(table => table.subnetIds));
  const onMain = [...zoneOf.keys()].filter(id => !explicit.has(id));
  const used = tables.filter(
    table => table.subnetIds.length > 0 || (table.main && onMain.length > 0),
  );
  const subnetsOf = (table: RouteTableFacts) =>
    table.main ? [...table.subnetIds, ...onMain] : table.subnetIds;
  return {
    used,
    unused: tables.filter(table => !used.includes(table)),
    zones: [
      ...new Set(
        used.flatMap(table => subnetsOf(table).map(id => zoneOf.get(id)!)),
      ),
    ].sort(),
  };
}

/**
 * Read-only: one VPC's route tables (one paginated call) and, for a consumer
 * VPC, its subnets (one more, sent with it), then each prefix list its
 * tables route (one per list, at once, after the tables: only they name
 * the lists). Edge route tables and tables no subnet uses are skipped, with
 * the reason.
 */
export async function readSide(
  clients: AwsClients,
  side: VpcSide,
): Promise<SideReads> {
  const ec2 = await clients.ec2(side.location);
  const tablesRead = readRouteTables(ec2, side.vpcId, side.routeTableIds);
  const zonesRead = side.routeTableIds
    ? undefined
    : subnetZones(ec2, { vpcId: side.vpcId });
  await Promise.allSettled([tablesRead, zonesRead]);
  const tables = await tablesRead;
  const missing =
    side.routeTableIds?.filter(
      id => !tables.some(t => t.routeTableId === id),
    ) ?? [];
  if (missing.length > 0) {
    throw new InputError(
      `subnets: route tables ${missing.join(', ')} are not in ${side.vpcId}.`,
    );
  }
  const skipped: SkippedRouteTable[] = [];
  // An edge route table steers traffic entering the VPC through a gateway;
  // a route to the transit gateway there would send internet traffic to it.
  let routed = tables.filter(table => {
    if (table.gatewayIds.length > 0) {
      skipped.push({
        routeTableId: table.routeTableId,
        vpc: side.label,
        reason: `associated with ${table.gatewayIds.join(
          ', ',
        )} (an edge route table); never written`,
      });
      return false;
    }
    return true;
  });
  let zones: string[] | undefined;
  let zoneOf: Map<string, string> | undefined;
  if (zonesRead) {
    zoneOf = await zonesRead;
    const inUse = tablesInUse(routed, zoneOf);
    for (const table of inUse.unused) {
      skipped.push({
        routeTableId: table.routeTableId,
        vpc: side.label,
        reason: `no subnet uses it${
          table.main ? ' (the main route table; every subnet has its own)' : ''
        }`,
      });
    }
    routed = inUse.used;
    zones = inUse.zones;
  }
  return {
    side,
    routed: await withPrefixListEntries(ec2, routed),
    skipped,
    zones,
    zoneOf,
  };
}

/** The routes one VPC needs to `destinations`, from its reads. */
export function planSide(
  read: SideReads,
  vpcCidr: string,
  destinations: string[],
  transitGatewayId: string,
): SidePlan {
  const { routed, ...rest } = read;
  const { side } = read;
  const results = destinations.map(destinationCidrBlock =>
    planVpcRoutes({
      accountId: side.location.accountId,
      region: side.location.region,
      vpcLabel: side.label,
      vpcCidr,
      tables: routed,
      destinationCidrBlock,
      transitGatewayId,
    }),
  );
  return {
    ...rest,
    changes: results.flatMap(r => r.changes),
    conflicts: results.flatMap(r => r.conflicts),
  };
}
