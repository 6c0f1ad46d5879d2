import {
  AssociateRouteTableCommand,
  CreateRouteTableCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';

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
  spec: { cidr: string; tags?: Record<string, string>; subnets: SubnetSpec[] },
): Promise<{ vpcId: string; subnets: CreatedSubnet[] }> {
  const { Vpc } = await ec2.send(
    new CreateVpcCommand({
      CidrBlock: spec.cidr,
      TagSpecifications: tagSpecification('vpc', spec.tags),
    }),
  );
  const vpcId = Vpc!.VpcId!;
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
        new CreateRouteTableCommand({ VpcId: vpcId }),
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
