import {
  CreateTransitGatewayVpcAttachmentCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { ec2In } from './accounts';
import { Landscape, LandscapeVpc, SANDBOX_REGION } from './landscape';
import type { MotoServer } from './motoServer';
import { createVpcEndpoints, createVpcWithSubnets, SubnetSpec } from './vpcs';

/** A private subnet: tagged so, with a route table of its own. */
export function privateSubnet(zone: string, cidr: string): SubnetSpec {
  return {
    availabilityZone: `${SANDBOX_REGION}${zone}`,
    cidr,
    tags: { Tier: 'private' },
    ownRouteTable: true,
  };
}

/** A public subnet: tagged so, on the VPC's main route table. */
export function publicSubnet(zone: string, cidr: string): SubnetSpec {
  return {
    availabilityZone: `${SANDBOX_REGION}${zone}`,
    cidr,
    tags: { Tier: 'public' },
  };
}

/**
 * Creates the VPC of a landscape extension in its account and, with
 * `attach`, attaches it to the landscape's transit gateway.
 */
export async function createLandscapeVpc(
  moto: MotoServer,
  landscape: Landscape,
  name: string,
  spec: {
    accountId: string;
    cidr: string;
    subnets: SubnetSpec[];
    attach: boolean;
    /** Attach with a subnet in these zones only (e.g. ['eu-west-1a']); default every zone of `subnets`. */
    attachZones?: string[];
    /** Default on (see createVpcWithSubnets). */
    dnsHostnames?: boolean;
    /** VPC endpoints it already has, e.g. ['ecr.api', 's3']. */
    endpoints?: string[];
  },
): Promise<LandscapeVpc> {
  if (landscape.vpcs[name]) {
    throw new Error(`The landscape already has a VPC named '${name}'`);
  }
  const created = await withEc2(moto, spec.accountId, async ec2 => {
    const made = await createVpcWithSubnets(ec2, {
      cidr: spec.cidr,
      subnets: spec.subnets,
      dnsHostnames: spec.dnsHostnames,
    });
    await createVpcEndpoints(
      ec2,
      made.vpcId,
      SANDBOX_REGION,
      spec.endpoints ?? [],
    );
    return made;
  });
  const vpc: LandscapeVpc = {
    accountId: spec.accountId,
    cidr: spec.cidr,
    ...created,
  };
  if (!spec.attach) {
    return vpc;
  }
  // The emulator has no resource sharing: the network account attaches each VPC by id.
  // AWS takes one subnet per zone: the first of each.
  const firstPerZone = vpc.subnets
    .filter(
      (subnet, i, all) =>
        all.findIndex(s => s.availabilityZone === subnet.availabilityZone) ===
          i &&
        (!spec.attachZones ||
          spec.attachZones.includes(subnet.availabilityZone)),
    )
    .map(subnet => subnet.subnetId);
  const { transitGateway } = landscape.config.internalApi;
  const attachmentId = await withEc2(
    moto,
    transitGateway.accountId,
    async ec2 => {
      const { TransitGatewayVpcAttachment } = await ec2.send(
        new CreateTransitGatewayVpcAttachmentCommand({
          TransitGatewayId: landscape.transitGatewayId,
          VpcId: vpc.vpcId,
          SubnetIds: firstPerZone,
        }),
      );
      return TransitGatewayVpcAttachment!.TransitGatewayAttachmentId!;
    },
  );
  return { ...vpc, attachmentId };
}

/** An EC2 client in `accountId` for the duration of `use`. */
export async function withEc2<T>(
  moto: MotoServer,
  accountId: string,
  use: (ec2: EC2Client) => Promise<T>,
): Promise<T> {
  const ec2 = await ec2In(moto, accountId, SANDBOX_REGION);
  try {
    return await use(ec2);
  } finally {
    ec2.destroy();
  }
}

// The landscape's VPCs are /16s: subnet i is a.b.i.0/24.
export function subnetCidr(vpcCidr: string, index: number) {
  const match = /^(\d+\.\d+)\.0\.0\/16$/.exec(vpcCidr);
  if (!match) {
    throw new Error(
      `Give a /16 such as 10.70.0.0/16 (or explicit subnets), not ${vpcCidr}`,
    );
  }
  return `${match[1]}.${index}.0/24`;
}
