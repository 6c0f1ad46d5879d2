import {
  CreateTransitGatewayCommand,
  CreateTransitGatewayVpcAttachmentCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import {
  CreateHostedZoneCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { accountClientConfig } from './accounts';
import type { MotoServer } from './motoServer';
import { createVpcWithSubnets, SubnetSpec } from './vpcs';

export const SANDBOX_REGION = 'eu-west-1';

/** The accounts of the sandbox landscape, by role. */
export const SANDBOX_ACCOUNTS = {
  network: '111122223333',
  dns: '222233334444',
  orders: '444455556666',
  payments: '555566667777',
  customer: '777788889999',
  partner: '888899990000',
} as const;

const privateSubnet = (zone: string, cidr: string): SubnetSpec => ({
  availabilityZone: `${SANDBOX_REGION}${zone}`,
  cidr,
  tags: { Tier: 'private' },
  ownRouteTable: true,
});

/**
 * A realistic multi-account landscape in the emulator:
 * - network account: the transit gateway, every VPC below attached to it;
 * - DNS account: the public parent zone acme.com;
 * - Orders (workload): private subnets in three zones, public ones in two;
 * - Payments (workload): two private subnets in one zone, the layout an NLB refuses;
 * - customer-api and partner-api: consumer VPCs in their own accounts.
 * Returns the Backstage config (`aws` and `internalApi`) that describes it.
 * Idempotent: it resets the emulator first, so seeding twice leaves one
 * landscape (with new ids), never two.
 */
export async function seedLandscape(moto: MotoServer) {
  await moto.reset();
  const ec2 = async (accountId: string) =>
    new EC2Client(await accountClientConfig(moto, accountId, SANDBOX_REGION));
  const vpc = async (
    accountId: string,
    cidr: string,
    subnets: SubnetSpec[],
  ) => {
    const client = await ec2(accountId);
    try {
      return await createVpcWithSubnets(client, { cidr, subnets });
    } finally {
      client.destroy();
    }
  };

  const orders = await vpc(SANDBOX_ACCOUNTS.orders, '10.10.0.0/16', [
    privateSubnet('a', '10.10.1.0/24'),
    privateSubnet('b', '10.10.2.0/24'),
    privateSubnet('c', '10.10.3.0/24'),
    {
      availabilityZone: `${SANDBOX_REGION}a`,
      cidr: '10.10.101.0/24',
      tags: { Tier: 'public' },
    },
    {
      availabilityZone: `${SANDBOX_REGION}b`,
      cidr: '10.10.102.0/24',
      tags: { Tier: 'public' },
    },
  ]);
  const payments = await vpc(SANDBOX_ACCOUNTS.payments, '10.20.0.0/16', [
    privateSubnet('a', '10.20.1.0/24'),
    privateSubnet('a', '10.20.2.0/24'),
    privateSubnet('b', '10.20.3.0/24'),
  ]);
  const customer = await vpc(SANDBOX_ACCOUNTS.customer, '10.40.0.0/16', [
    privateSubnet('a', '10.40.1.0/24'),
  ]);
  const partner = await vpc(SANDBOX_ACCOUNTS.partner, '10.50.0.0/16', [
    { availabilityZone: `${SANDBOX_REGION}a`, cidr: '10.50.1.0/24' },
  ]);

  const network = await ec2(SANDBOX_ACCOUNTS.network);
  const { TransitGateway } = await network.send(
    new CreateTransitGatewayCommand({ Description: 'shared' }),
  );
  const transitGatewayId = TransitGateway!.TransitGatewayId!;
  // The emulator has no resource sharing: the network account attaches each VPC by id.
  for (const attached of [orders, payments, customer, partner]) {
    await network.send(
      new CreateTransitGatewayVpcAttachmentCommand({
        TransitGatewayId: transitGatewayId,
        VpcId: attached.vpcId,
        SubnetIds: [attached.subnets[0].subnetId],
      }),
    );
  }
  network.destroy();

  const dns = new Route53Client({
    ...(await accountClientConfig(moto, SANDBOX_ACCOUNTS.dns)),
    region: 'us-east-1',
  });
  const { HostedZone } = await dns.send(
    new CreateHostedZoneCommand({
      Name: 'acme.com',
      CallerReference: 'sandbox-acme.com',
    }),
  );
  dns.destroy();

  const workload = (accountId: string, title: string, vpcId: string) => ({
    accountId,
    title,
    region: SANDBOX_REGION,
    vpcId,
  });
  const consumer = (name: string, accountId: string, vpcId: string) => ({
    name,
    accountId,
    region: SANDBOX_REGION,
    vpcId,
  });
  return {
    vpcs: { orders, payments, customer, partner },
    transitGatewayId,
    config: {
      aws: {
        mainAccount: { accessKeyId: 'sandbox', secretAccessKey: 'sandbox' },
        accountDefaults: {
          roleName: 'backstage-internal-api',
          region: SANDBOX_REGION,
        },
      },
      internalApi: {
        workloadAccounts: [
          workload(SANDBOX_ACCOUNTS.orders, 'Orders (sandbox)', orders.vpcId),
          workload(
            SANDBOX_ACCOUNTS.payments,
            'Payments (sandbox)',
            payments.vpcId,
          ),
        ],
        consumers: [
          consumer('customer-api', SANDBOX_ACCOUNTS.customer, customer.vpcId),
          consumer('partner-api', SANDBOX_ACCOUNTS.partner, partner.vpcId),
        ],
        transitGateway: {
          accountId: SANDBOX_ACCOUNTS.network,
          region: SANDBOX_REGION,
          id: transitGatewayId,
          routeTableId:
            TransitGateway!.Options!.AssociationDefaultRouteTableId!,
        },
        parentZones: [
          {
            domain: 'acme.com',
            hostedZoneId: HostedZone!.Id!.replace('/hostedzone/', ''),
            accountId: SANDBOX_ACCOUNTS.dns,
          },
        ],
      },
    },
  };
}

export type SandboxLandscape = Awaited<ReturnType<typeof seedLandscape>>;
