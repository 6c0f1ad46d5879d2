import {
  AllocateAddressCommand,
  AssociateRouteTableCommand,
  AttachInternetGatewayCommand,
  CreateNatGatewayCommand,
  CreateInternetGatewayCommand,
  CreateManagedPrefixListCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  DescribeRouteTablesCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import type { Landscape, LandscapeVpc } from './landscape';
import { withChanges } from './landscapeExtensions';
import { withEc2 } from './landscapeVpcs';
import type { MotoServer } from './motoServer';

/**
 * Someone else's route: `cidr` to an internet gateway in a route table of VPC
 * `vpc` (by default its first subnet's own table, else its main table). What
 * the route action must refuse to replace. With `prefixList` the route's
 * destination is a new customer-managed prefix list holding those CIDRs
 * instead (e.g. ['10.0.0.0/8']). One gateway per VPC, reused.
 */
export async function addForeignRoute<L extends Landscape>(
  moto: MotoServer,
  landscape: L,
  spec: {
    vpc: string;
    cidr?: string;
    prefixList?: string[];
    routeTableId?: string;
  },
): Promise<L> {
  const vpc = vpcNamed(landscape, spec.vpc);
  const internetGatewayId = await withEc2(moto, vpc.accountId, async ec2 => {
    const gatewayId = await internetGatewayOf(ec2, vpc);
    const prefixListId = spec.prefixList
      ? (
          await ec2.send(
            new CreateManagedPrefixListCommand({
              PrefixListName: `foreign-${spec.vpc}-${Date.now()}`,
              AddressFamily: 'IPv4',
              MaxEntries: Math.max(spec.prefixList.length, 1),
              Entries: spec.prefixList.map(Cidr => ({ Cidr })),
            }),
          )
        ).PrefixList!.PrefixListId!
      : undefined;
    await ec2.send(
      new CreateRouteCommand({
        RouteTableId:
          spec.routeTableId ??
          vpc.subnets.find(subnet => subnet.routeTableId)?.routeTableId ??
          (await mainRouteTableId(ec2, vpc.vpcId)),
        ...(prefixListId
          ? { DestinationPrefixListId: prefixListId }
          : { DestinationCidrBlock: spec.cidr }),
        GatewayId: gatewayId,
      }),
    );
    return gatewayId;
  });
  return withChanges(landscape, {
    [spec.vpc]: { ...vpc, internetGatewayId },
  });
}

/**
 * An edge route table in VPC `vpc`: a new table associated with the VPC's
 * internet gateway (ingress routing), which the route action must never
 * write. Returns its id with the landscape.
 */
export async function addEdgeRouteTable<L extends Landscape>(
  moto: MotoServer,
  landscape: L,
  vpcName: string,
): Promise<{ landscape: L; routeTableId: string }> {
  const vpc = vpcNamed(landscape, vpcName);
  return withEc2(moto, vpc.accountId, async ec2 => {
    const internetGatewayId = await internetGatewayOf(ec2, vpc);
    const { RouteTable } = await ec2.send(
      new CreateRouteTableCommand({ VpcId: vpc.vpcId }),
    );
    const routeTableId = RouteTable!.RouteTableId!;
    await ec2.send(
      new AssociateRouteTableCommand({
        RouteTableId: routeTableId,
        GatewayId: internetGatewayId,
      }),
    );
    return {
      routeTableId,
      landscape: withChanges(landscape, {
        [vpcName]: { ...vpc, internetGatewayId },
      }),
    };
  });
}

/**
 * A default route (0.0.0.0/0) in the route table of every subnet of VPC
 * `vpc` that has a table of its own (its private subnets): `via: 'nat'` to a
 * new NAT gateway (in the VPC's first subnet, with an Elastic IP), the way
 * out for tasks without a public IP; `via: 'internet'` to the VPC's
 * internet gateway, which such tasks cannot use.
 */
export async function addDefaultRoute<L extends Landscape>(
  moto: MotoServer,
  landscape: L,
  spec: { vpc: string; via: 'nat' | 'internet' },
): Promise<{ landscape: L; targetId: string }> {
  const vpc = vpcNamed(landscape, spec.vpc);
  return withEc2(moto, vpc.accountId, async ec2 => {
    const internetGatewayId = await internetGatewayOf(ec2, vpc);
    let targetId = internetGatewayId;
    if (spec.via === 'nat') {
      const { AllocationId } = await ec2.send(
        new AllocateAddressCommand({ Domain: 'vpc' }),
      );
      const { NatGateway } = await ec2.send(
        new CreateNatGatewayCommand({
          SubnetId: vpc.subnets[0].subnetId,
          AllocationId,
        }),
      );
      targetId = NatGateway!.NatGatewayId!;
    }
    for (const subnet of vpc.subnets.filter(s => s.routeTableId)) {
      await ec2.send(
        new CreateRouteCommand({
          RouteTableId: subnet.routeTableId,
          DestinationCidrBlock: '0.0.0.0/0',
          ...(spec.via === 'nat'
            ? { NatGatewayId: targetId }
            : { GatewayId: targetId }),
        }),
      );
    }
    return {
      targetId,
      landscape: withChanges(landscape, {
        [spec.vpc]: { ...vpc, internetGatewayId },
      }),
    };
  });
}

function vpcNamed(landscape: Landscape, name: string): LandscapeVpc {
  const vpc = landscape.vpcs[name];
  if (!vpc) {
    throw new Error(`The landscape has no VPC named '${name}'`);
  }
  return vpc;
}

/** The VPC's internet gateway, created and attached on first use. */
async function internetGatewayOf(ec2: EC2Client, vpc: LandscapeVpc) {
  if (vpc.internetGatewayId) {
    return vpc.internetGatewayId;
  }
  const { InternetGateway } = await ec2.send(
    new CreateInternetGatewayCommand({}),
  );
  const gatewayId = InternetGateway!.InternetGatewayId!;
  await ec2.send(
    new AttachInternetGatewayCommand({
      InternetGatewayId: gatewayId,
      VpcId: vpc.vpcId,
    }),
  );
  return gatewayId;
}

async function mainRouteTableId(ec2: EC2Client, vpcId: string) {
  const { RouteTables = [] } = await ec2.send(
    new DescribeRouteTablesCommand({
      Filters: [
        { Name: 'vpc-id', Values: [vpcId] },
        { Name: 'association.main', Values: ['true'] },
      ],
    }),
  );
  return RouteTables[0].RouteTableId!;
}
