import {
  DescribeTransitGatewayVpcAttachmentsCommand,
  DescribeVpcsCommand,
} from '@aws-sdk/client-ec2';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { ec2In } from './accounts';
import { SANDBOX_ACCOUNTS, SANDBOX_GROUPS, SANDBOX_REGION } from './landscape';
import { landscapeState } from './landscapeState';
import { MotoServer, startMotoServer } from './motoServer';
import { sandboxConfig } from './sandboxConfig';
import { seedLandscape } from './seedLandscape';
import { startSandbox } from './startSandbox';

describe('seedLandscape', () => {
  let moto: MotoServer;
  beforeAll(async () => {
    moto = await startMotoServer();
  }, 60_000);
  afterAll(() => moto?.stop());

  const vpcCount = async (accountId: string) => {
    const ec2 = await ec2In(moto, accountId);
    const { Vpcs = [] } = await ec2.send(new DescribeVpcsCommand({}));
    ec2.destroy();
    return Vpcs.filter(vpc => !vpc.IsDefault).length;
  };

  it('seeds one landscape however often it runs, and derives its config', async () => {
    await seedLandscape(moto);
    const landscape = await seedLandscape(moto);

    for (const account of [
      'orders',
      'payments',
      'customer',
      'partner',
    ] as const) {
      await expect(vpcCount(SANDBOX_ACCOUNTS[account])).resolves.toBe(1);
    }
    const state = await landscapeState(moto, landscape);
    expect(Object.keys(state.hostedZones)).toEqual([
      `${SANDBOX_ACCOUNTS.dns} acme.com.`,
    ]);
    expect(state.transitGatewayRoutes).toEqual([]);

    const config = sandboxConfig(landscape, '/tmp/sandbox');
    expect(config.localGitPublisher).toEqual({ directory: '/tmp/sandbox/git' });
    expect(config.internalApi.workloadAccounts).toEqual([
      expect.objectContaining({
        accountId: SANDBOX_ACCOUNTS.orders,
        vpcId: landscape.vpcs.orders.vpcId,
      }),
      expect.objectContaining({
        accountId: SANDBOX_ACCOUNTS.payments,
        vpcId: landscape.vpcs.payments.vpcId,
      }),
    ]);
    // Payments keeps the layout an NLB refuses: two private subnets in one zone.
    expect(
      landscape.vpcs.payments.subnets.map(subnet => subnet.availabilityZone),
    ).toEqual(['eu-west-1a', 'eu-west-1a', 'eu-west-1b']);
    expect(
      Object.entries(landscape.vpcs).map(([name, vpc]) => [
        name,
        vpc.accountId,
        vpc.cidr,
      ]),
    ).toEqual([
      ['orders', SANDBOX_ACCOUNTS.orders, '10.10.0.0/16'],
      ['payments', SANDBOX_ACCOUNTS.payments, '10.20.0.0/16'],
      ['customer', SANDBOX_ACCOUNTS.customer, '10.40.0.0/16'],
      ['partner', SANDBOX_ACCOUNTS.partner, '10.50.0.0/16'],
    ]);
    expect(config.internalApi.consumers.map(c => c.name)).toEqual([
      'customer-api',
      'partner-api',
    ]);
    // Who may use what: each workload account and consumer has its team, partner-api asks for approval.
    const { orders: ordersTeam, payments: paymentsTeam } = SANDBOX_GROUPS;
    expect(config.internalApi.admins).toEqual([SANDBOX_GROUPS.platformAdmins]);
    expect(config.internalApi.workloadAccounts.map(a => a.owners)).toEqual([
      [ordersTeam],
      [paymentsTeam],
    ]);
    expect(
      config.internalApi.consumers.map(c => [c.owners, c.approval]),
    ).toEqual([
      [[ordersTeam], undefined],
      [[paymentsTeam], 'required'],
    ]);
    // Every group the config names is one of org/sandbox.yaml, with a member to sign in as.
    const org = yaml
      .parseAllDocuments(
        fs.readFileSync(
          path.resolve(__dirname, '../../org/sandbox.yaml'),
          'utf8',
        ),
      )
      .map(doc => doc.toJS());
    const members = (group: string) =>
      org
        .filter(e => e.kind === 'User' && e.spec.memberOf.includes(group))
        .map(e => e.metadata.name);
    expect(
      Object.values(SANDBOX_GROUPS).map(ref => {
        const name = ref.replace('group:default/', '');
        return [
          name,
          org.some(e => e.kind === 'Group' && e.metadata.name === name),
          members(name),
        ];
      }),
    ).toEqual([
      ['orders-team', true, ['sam']],
      ['payments-team', true, ['pat']],
      ['platform-admins', true, ['ada']],
    ]);
    // customer-api has a route table of its own beside the main one; partner-api only the main one.
    expect(
      Object.fromEntries(
        Object.entries(state.vpcRoutes).map(([name, lines]) => [
          name,
          new Set(lines.map(line => line.split(' ')[0])).size,
        ]),
      ),
    ).toEqual({ orders: 4, payments: 4, customer: 2, partner: 1 });

    // Every VPC attached to the transit gateway, with one subnet per zone (as AWS requires).
    const network = await ec2In(moto, SANDBOX_ACCOUNTS.network);
    const { TransitGatewayVpcAttachments = [] } = await network.send(
      new DescribeTransitGatewayVpcAttachmentsCommand({}),
    );
    network.destroy();
    const subnetsOf = (vpcId: string) =>
      TransitGatewayVpcAttachments.find(a => a.VpcId === vpcId)?.SubnetIds;
    const { orders, payments } = landscape.vpcs;
    expect(subnetsOf(orders.vpcId)).toEqual(
      orders.subnets.slice(0, 3).map(subnet => subnet.subnetId),
    );
    expect(subnetsOf(payments.vpcId)).toEqual([
      payments.subnets[0].subnetId,
      payments.subnets[2].subnetId,
    ]);
    expect(
      TransitGatewayVpcAttachments.map(
        a => a.TransitGatewayAttachmentId,
      ).sort(),
    ).toEqual(
      Object.values(landscape.vpcs)
        .map(vpc => vpc.attachmentId)
        .sort(),
    );
  }, 120_000);
});

describe('startSandbox', () => {
  it('seeds a fresh emulator and points the SDK at it, through the proxy, until stopped', async () => {
    const before = process.env.AWS_ENDPOINT_URL;
    const sandbox = await startSandbox();
    try {
      expect(process.env.AWS_ENDPOINT_URL).toBe(sandbox.proxy.endpoint);
      expect(process.env.AWS_REGION).toBe(SANDBOX_REGION);
      const ec2 = await ec2In(sandbox.moto, SANDBOX_ACCOUNTS.orders);
      const { Vpcs = [] } = await ec2.send(
        new DescribeVpcsCommand({
          VpcIds: [sandbox.landscape.vpcs.orders.vpcId],
        }),
      );
      ec2.destroy();
      expect(Vpcs.map(vpc => vpc.CidrBlock)).toEqual(['10.10.0.0/16']);
    } finally {
      await sandbox.stop();
    }
    expect(process.env.AWS_ENDPOINT_URL).toBe(before);
    await expect(fetch(`${sandbox.moto.endpoint}/moto-api/`)).rejects.toThrow();
    await expect(
      fetch(`${sandbox.proxy.endpoint}/moto-api/`),
    ).rejects.toThrow();
  }, 60_000);
});
