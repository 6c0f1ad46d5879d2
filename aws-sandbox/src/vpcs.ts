import {
  AssociateRouteTableCommand,
  CreateRouteTableCommand,
  CreateSubnetCommand,
  CreateTagsCommand,
  CreateVpcCommand,
  CreateVpcEndpointCommand,
  DescribeRouteTablesCommand,
  EC2Client,
  ModifyVpcAttributeCommand,
} from '@aws-sdk/client-ec2';
import { MANAGED_ROUTE_TABLE_TAG } from '@internal/plugin-internal-api-common';

// Every table of the sandbox's subnets may be written, the main ones too (see MANAGED_ROUTE_TABLE_TAG).
const routableTableTags = [
  { Key: MANAGED_ROUTE_TABLE_TAG.key, Value: MANAGED_ROUTE_TABLE_TAG.value },
];

export interface SubnetSpec {
  availabilityZone: string;
  cidr: string;
  tags?: Record<string, string>;
  /** Give the subnet a route table of its own (as private subnets usually have); default: the main one. */
  ownRouteTable?: boolean;
}

export interface CreatedSubnet {
  subnetId: string;
  availabilityZone: string;
  cidr: string;
  /** Only for subnets with a route table of their own. */
  routeTableId?: string;
}

/** Creates a VPC with the given subnets, in whatever account the client is in. */
export async function createVpcWithSubnets(
  ec2: EC2Client,
  spec: {
    cidr: string;
    tags?: Record<string, string>;
    subnets: SubnetSpec[];
    /**
     * DNS host names, which a VPC gets off unless asked and which private-DNS
     * endpoints need; default on, as platform teams run their VPCs.
     */
    dnsHostnames?: boolean;
  },
): Promise<{ vpcId: string; subnets: CreatedSubnet[] }> {
  const { Vpc } = await ec2.send(
    new CreateVpcCommand({
      CidrBlock: spec.cidr,
      TagSpecifications: tagSpecification('vpc', spec.tags),
    }),
  );
  const vpcId = Vpc!.VpcId!;
  const { RouteTables: mainTables = [] } = await ec2.send(
    new DescribeRouteTablesCommand({
      Filters: [{ Name: 'vpc-id', Values: [vpcId] }],
    }),
  );
  await ec2.send(
    new CreateTagsCommand({
      Resources: mainTables.map(table => table.RouteTableId!),
      Tags: routableTableTags,
    }),
  );
  if (spec.dnsHostnames ?? true) {
    await ec2.send(
      new ModifyVpcAttributeCommand({
        VpcId: vpcId,
        EnableDnsHostnames: { Value: true },
      }),
    );
  }
  const subnets: CreatedSubnet[] = [];
  for (const subnet of spec.subnets) {
    const { Subnet } = await ec2.send(
      new CreateSubnetCommand({
        VpcId: vpcId,
        CidrBlock: subnet.cidr,
        AvailabilityZone: subnet.availabilityZone,
        TagSpecifications: tagSpecification('subnet', subnet.tags),
      }),
    );
    const created: CreatedSubnet = {
      subnetId: Subnet!.SubnetId!,
      availabilityZone: subnet.availabilityZone,
      cidr: subnet.cidr,
    };
    if (subnet.ownRouteTable) {
      const { RouteTable } = await ec2.send(
        new CreateRouteTableCommand({
          VpcId: vpcId,
          TagSpecifications: [
            { ResourceType: 'route-table', Tags: routableTableTags },
          ],
        }),
      );
      await ec2.send(
        new AssociateRouteTableCommand({
          RouteTableId: RouteTable!.RouteTableId,
          SubnetId: created.subnetId,
        }),
      );
      created.routeTableId = RouteTable!.RouteTableId!;
    }
    subnets.push(created);
  }
  return { vpcId, subnets };
}

function tagSpecification(
  resourceType: 'vpc' | 'subnet',
  tags: Record<string, string> = {},
) {
  const entries = Object.entries(tags);
  return entries.length === 0
    ? undefined
    : [
        {
          ResourceType: resourceType,
          Tags: entries.map(([Key, Value]) => ({ Key, Value })),
        },
      ];
}

const isGateway = (service: string) => ['s3', 'dynamodb'].includes(service);

/**
 * Gives the VPC endpoints for these services (e.g. `ecr.api`, `s3`): gateway
 * endpoints for s3 and dynamodb, associated with every route table of the
 * VPC, and interface endpoints with private DNS else.
 */
export async function createVpcEndpoints(
  ec2: EC2Client,
  vpcId: string,
  region: string,
  services: string[],
): Promise<void> {
  // A gateway endpoint serves the route tables it is associated with: all of them, as a VPC baseline does.
  const routeTableIds = services.some(isGateway)
    ? (
        await ec2.send(
          new DescribeRouteTablesCommand({
            Filters: [{ Name: 'vpc-id', Values: [vpcId] }],
          }),
        )
      ).RouteTables!.map(table => table.RouteTableId!)
    : [];
  for (const service of services) {
    const gateway = isGateway(service);
    await ec2.send(
      new CreateVpcEndpointCommand({
        VpcId: vpcId,
        ServiceName: `com.amazonaws.${region}.${service}`,
        VpcEndpointType: gateway ? 'Gateway' : 'Interface',
        PrivateDnsEnabled: gateway ? undefined : true,
        RouteTableIds: gateway ? routeTableIds : undefined,
      }),
    );
  }
}
