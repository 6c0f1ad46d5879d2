import {
  DescribeVpcAttributeCommand,
  DescribeVpcsCommand,
  EC2Client,
  Filter,
  paginateDescribeSubnets,
  paginateDescribeVpcEndpoints,
} from '@aws-sdk/client-ec2';
import type { SubnetFacts } from '@internal/plugin-internal-api-common';
import { allInOrder } from './allInOrder';
import { readRouteTables } from './routeTables';

export interface VpcFacts {
  vpcId: string;
  vpcCidr: string;
}

/** The VPC, or undefined when the account has no VPC of that id in this region. */
export async function describeVpc(
  ec2: EC2Client,
  vpcId: string,
): Promise<VpcFacts | undefined> {
  try {
    const { Vpcs = [] } = await ec2.send(
      new DescribeVpcsCommand({ VpcIds: [vpcId] }),
    );
    return Vpcs[0] && { vpcId, vpcCidr: Vpcs[0].CidrBlock! };
  } catch (error) {
    if ((error as Error).name === 'InvalidVpcID.NotFound') {
      return undefined;
    }
    throw error;
  }
}

/** A subnet with what decides whether a Network Load Balancer can use it. */
export type SubnetDetails = SubnetFacts & {
  availableIpAddressCount: number;
  /** An IPv6-only subnet: no IPv4 CIDR at all. */
  ipv6Native: boolean;
  /** Where its route table sends 0.0.0.0/0 (nat-, tgw-, igw-, eni-…), if anywhere. */
  defaultRouteTarget?: string;
};

/**
 * Subnets of one VPC that match the filters, each with its route table. Two
 * paginated calls however many subnets and route tables the VPC has, sent
 * at once (the tables are read even when no subnet matches: a call more
 * then, a round trip less always).
 */
export async function describeSubnets(
  ec2: EC2Client,
  vpcId: string,
  filters: Filter[],
): Promise<SubnetDetails[]> {
  const inVpc: Filter = { Name: 'vpc-id', Values: [vpcId] };
  const matching = async () => {
    const found = [];
    for await (const page of paginateDescribeSubnets(
      { client: ec2 },
      { Filters: [inVpc, ...filters] },
    )) {
      found.push(...(page.Subnets ?? []));
    }
    return found;
  };
  const [subnets, tables] = await allInOrder([
    matching(),
    readRouteTables(ec2, vpcId),
  ]);
  if (subnets.length === 0) {
    return [];
  }

  const routeTableBySubnet = new Map(
    tables.flatMap(table =>
      table.subnetIds.map(subnetId => [subnetId, table.routeTableId] as const),
    ),
  );
  const mainRouteTableId = tables.find(table => table.main)?.routeTableId;
  // A blackhole default route (its NAT gateway deleted) is no way out.
  const defaultRouteOf = (routeTableId: string) =>
    tables
      .find(table => table.routeTableId === routeTableId)
      ?.routes.find(
        route =>
          route.destinationCidrBlock === '0.0.0.0/0' &&
          route.state !== 'blackhole',
      )?.targets[0]?.id;

  return subnets.map(subnet => {
    const routeTableId =
      routeTableBySubnet.get(subnet.SubnetId!) ?? mainRouteTableId!;
    return {
      subnetId: subnet.SubnetId!,
      availabilityZone: subnet.AvailabilityZone!,
      cidr: subnet.CidrBlock ?? '',
      routeTableId,
      availableIpAddressCount: subnet.AvailableIpAddressCount ?? 0,
      ipv6Native: subnet.Ipv6Native ?? !subnet.CidrBlock,
      defaultRouteTarget: defaultRouteOf(routeTableId),
    };
  });
}

/** Whether the VPC resolves DNS and gives instances DNS host names: two calls, at once. */
export async function describeVpcDns(ec2: EC2Client, vpcId: string) {
  const attribute = async (
    Attribute: 'enableDnsSupport' | 'enableDnsHostnames',
  ) => {
    const answer = await ec2.send(
      new DescribeVpcAttributeCommand({ VpcId: vpcId, Attribute }),
    );
    return Boolean(
      (answer.EnableDnsSupport ?? answer.EnableDnsHostnames)?.Value,
    );
  };
  const [dnsSupport, dnsHostnames] = await allInOrder([
    attribute('enableDnsSupport'),
    attribute('enableDnsHostnames'),
  ]);
  return { dnsSupport, dnsHostnames };
}

/** A VPC endpoint that carries traffic. */
export type VpcEndpointFacts = {
  /** The service name without `com.amazonaws.<region>.`, e.g. ecr.api, s3. */
  service: string;
  /** Interface, Gateway, … */
  type: string;
  /** The route tables a gateway endpoint is associated with (its routes live there). */
  routeTableIds: string[];
};

/** The VPC's endpoints that carry traffic (available or pending): one paginated call. */
export async function describeVpcEndpoints(
  ec2: EC2Client,
  vpcId: string,
): Promise<VpcEndpointFacts[]> {
  const endpoints: VpcEndpointFacts[] = [];
  for await (const page of paginateDescribeVpcEndpoints(
    { client: ec2 },
    { Filters: [{ Name: 'vpc-id', Values: [vpcId] }] },
  )) {
    for (const endpoint of page.VpcEndpoints ?? []) {
      if (
        ['available', 'pending'].includes(endpoint.State?.toLowerCase() ?? '')
      ) {
        endpoints.push({
          service: endpoint.ServiceName!.replace(
            /^com\.amazonaws\.[a-z0-9-]+\./,
            '',
          ),
          type: endpoint.VpcEndpointType ?? 'Interface',
          routeTableIds: endpoint.RouteTableIds ?? [],
        });
      }
    }
  }
  return endpoints;
}

/**
 * The Availability Zone of each subnet, by id: of the named subnets, or of
 * every subnet in a VPC. One paginated call.
 */
export async function subnetZones(
  ec2: EC2Client,
  which: { subnetIds: string[] } | { vpcId: string },
): Promise<Map<string, string>> {
  const zones = new Map<string, string>();
  if ('subnetIds' in which && which.subnetIds.length === 0) {
    return zones;
  }
  for await (const page of paginateDescribeSubnets(
    { client: ec2 },
    'subnetIds' in which
      ? { SubnetIds: which.subnetIds }
      : { Filters: [{ Name: 'vpc-id', Values: [which.vpcId] }] },
  )) {
    for (const subnet of page.Subnets ?? []) {
      zones.set(subnet.SubnetId!, subnet.AvailabilityZone!);
    }
  }
  return zones;
}
