import {
  DescribeRouteTablesCommand,
  DescribeTransitGatewayVpcAttachmentsCommand,
  DescribeVpcsCommand,
} from '@aws-sdk/client-ec2';
import {
  CreateHostedZoneCommand,
  GetHostedZoneCommand,
} from '@aws-sdk/client-route-53';
import { ec2In, route53In } from './accounts';
import { placementOf, SANDBOX_ACCOUNTS, SandboxLandscape } from './landscape';
import {
  addConsumerVpc,
  addParentZone,
  addWorkloadVpc,
} from './landscapeExtensions';
import { addForeignRoute } from './landscapeRoutes';
import { addedLines, landscapeState } from './landscapeState';
import type { MotoServer } from './motoServer';
import { sandboxConfig } from './sandboxConfig';
import { Sandbox, startSandbox } from './startSandbox';

const { customer, network, orders, partner, dns } = SANDBOX_ACCOUNTS;

describe('landscape extensions', () => {
  let sandbox: Sandbox;
  let moto: MotoServer;
  let seeded: SandboxLandscape;
  beforeAll(async () => {
    sandbox = await startSandbox({ setEnv: false });
    ({ moto, landscape: seeded } = sandbox);
  }, 60_000);
  afterAll(() => sandbox?.stop());

  const attachments = async () => {
    const ec2 = await ec2In(moto, network);
    const { TransitGatewayVpcAttachments = [] } = await ec2.send(
      new DescribeTransitGatewayVpcAttachmentsCommand({}),
    );
    ec2.destroy();
    return TransitGatewayVpcAttachments;
  };
  const routeTableCount = async (accountId: string, vpcId: string) => {
    const ec2 = await ec2In(moto, accountId);
    const { RouteTables = [] } = await ec2.send(
      new DescribeRouteTablesCommand({
        Filters: [{ Name: 'vpc-id', Values: [vpcId] }],
      }),
    );
    ec2.destroy();
    return RouteTables.length;
  };

  it('adds a consumer VPC in another account, attached and configured, and returns a new landscape', async () => {
    const before = await landscapeState(moto, seeded);

    // routingLandscape's legacy-api: a consumer whose CIDR overlaps the Orders VPC.
    const landscape = await addConsumerVpc(moto, seeded, {
      name: 'legacy-api',
      accountId: customer,
      cidr: '10.10.0.0/16',
    });

    expect(seeded.vpcs['legacy-api']).toBeUndefined();
    expect(seeded.config.internalApi.consumers).toHaveLength(2);
    const legacy = landscape.vpcs['legacy-api'];
    expect(legacy).toMatchObject({ accountId: customer, cidr: '10.10.0.0/16' });
    expect(landscape.config.internalApi.consumers.map(c => c.name)).toEqual([
      'customer-api',
      'partner-api',
      'legacy-api',
    ]);
    expect(sandboxConfig(landscape, '/tmp/x').internalApi.consumers[2]).toEqual(
      {
        name: 'legacy-api',
        accountId: customer,
        region: 'eu-west-1',
        vpcId: legacy.vpcId,
      },
    );
    expect(
      (await attachments()).find(a => a.VpcId === legacy.vpcId),
    ).toMatchObject({
      TransitGatewayAttachmentId: legacy.attachmentId,
      SubnetIds: [legacy.subnets[0].subnetId],
    });
    // Read in the customer account, beside that account's seeded VPC.
    const after = await landscapeState(moto, landscape);
    expect(addedLines(before.vpcRoutes, after.vpcRoutes)).toEqual({
      orders: [],
      payments: [],
      customer: [],
      partner: [],
      'legacy-api': [
        expect.stringMatching(/^rtb-\w+ 10\.10\.0\.0\/16 -> local active$/),
      ],
    });
  });

  it('adds a wide consumer with as many route tables as asked, the main one counted', async () => {
    const landscape = await addConsumerVpc(moto, seeded, {
      name: 'wide-10',
      accountId: customer,
      cidr: '10.80.0.0/16',
      routeTables: 10,
      attach: false,
    });
    const wide = landscape.vpcs['wide-10'];

    await expect(routeTableCount(customer, wide.vpcId)).resolves.toBe(10);
    expect(wide.subnets.map(subnet => subnet.cidr)).toEqual(
      Array.from({ length: 9 }, (_, i) => `10.80.${i + 1}.0/24`),
    );
    expect(wide.attachmentId).toBeUndefined();
    expect((await attachments()).map(a => a.VpcId)).not.toContain(wide.vpcId);
    await expect(
      addConsumerVpc(moto, landscape, {
        name: 'wide-10',
        accountId: customer,
        cidr: '10.81.0.0/16',
      }),
    ).rejects.toThrow('Consumer wide-10 is already configured');
  });

  it('adds a foreign route to an internet gateway: in a private table, else the main one', async () => {
    // routingLandscape's shared-services: routes the Orders CIDR to an internet gateway.
    const withShared = await addConsumerVpc(moto, seeded, {
      name: 'shared-services',
      accountId: partner,
      cidr: '10.60.0.0/16',
      routeTables: 2,
    });
    const before = await landscapeState(moto, withShared);

    let landscape = await addForeignRoute(moto, withShared, {
      vpc: 'shared-services',
      cidr: '10.10.0.0/16',
    });
    // The end-to-end refusal: the partner VPC has only its main route table.
    landscape = await addForeignRoute(moto, landscape, {
      vpc: 'partner',
      cidr: '10.10.0.0/16',
    });
    landscape = await addForeignRoute(moto, landscape, {
      vpc: 'partner',
      cidr: '10.11.0.0/16',
    });

    const shared = landscape.vpcs['shared-services'];
    const partnerGateway = landscape.vpcs.partner.internetGatewayId;
    expect(shared.internetGatewayId).toMatch(/^igw-/);
    expect(partnerGateway).toMatch(/^igw-/);
    expect(withShared.vpcs.partner.internetGatewayId).toBeUndefined();
    const partnerMain = before.vpcRoutes.partner[0].split(' ')[0];
    const added = addedLines(
      before.vpcRoutes,
      (await landscapeState(moto, landscape)).vpcRoutes,
    );
    expect(added).toMatchObject({
      'shared-services': [
        `${shared.subnets[0].routeTableId} 10.10.0.0/16 -> ${shared.internetGatewayId} active`,
      ],
      partner: [
        `${partnerMain} 10.10.0.0/16 -> ${partnerGateway} active`,
        `${partnerMain} 10.11.0.0/16 -> ${partnerGateway} active`,
      ],
      customer: [],
    });
  });

  it('adds a parent zone in the DNS account, and the state reads it', async () => {
    // dnsLandscape's second parent zone.
    const landscape = await addParentZone(moto, seeded, 'internal.acme.com');

    const { parentZones } = landscape.config.internalApi;
    expect(parentZones.map(zone => [zone.domain, zone.accountId])).toEqual([
      ['acme.com', dns],
      ['internal.acme.com', dns],
    ]);
    const route53 = await route53In(moto, dns);
    const { HostedZone } = await route53.send(
      new GetHostedZoneCommand({ Id: parentZones[1].hostedZoneId }),
    );
    route53.destroy();
    expect(HostedZone?.Name).toBe('internal.acme.com.');
    expect(
      (await landscapeState(moto, landscape)).hostedZones[
        `${dns} internal.acme.com.`
      ],
    ).toEqual([
      expect.stringMatching(/^internal\.acme\.com\. NS /),
      expect.stringMatching(/^internal\.acme\.com\. SOA /),
    ]);
  });

  it('adds another attached VPC to a workload account, not the configured one', async () => {
    // routingLandscape's other Orders VPC: attached, but no place for internal APIs.
    const landscape = await addWorkloadVpc(moto, seeded, {
      name: 'other-orders',
      accountId: orders,
      cidr: '10.90.0.0/16',
      attach: true,
    });
    const other = landscape.vpcs['other-orders'];

    expect(landscape.config.internalApi.workloadAccounts).toEqual(
      seeded.config.internalApi.workloadAccounts,
    );
    expect(other.subnets.map(s => [s.availabilityZone, s.cidr])).toEqual([
      ['eu-west-1a', '10.90.1.0/24'],
      ['eu-west-1b', '10.90.2.0/24'],
    ]);
    expect(
      (await attachments()).find(a => a.VpcId === other.vpcId)?.SubnetIds,
    ).toEqual(other.subnets.map(s => s.subnetId));
    await expect(
      (
        await landscapeState(moto, landscape)
      ).vpcRoutes['other-orders'],
    ).toHaveLength(3);
    await expect(
      addWorkloadVpc(moto, landscape, {
        accountId: orders,
        cidr: '10.91.0.0/16',
        title: 'Orders again',
      }),
    ).rejects.toThrow(`Account ${orders} already has a workload VPC`);
  });

  it('adds a workload account with its VPC when given a title', async () => {
    const accountId = '999900001111';
    const landscape = await addWorkloadVpc(moto, seeded, {
      accountId,
      cidr: '10.30.0.0/16',
      attach: false,
      title: 'Claims (sandbox)',
    });
    const vpc = landscape.vpcs[`${accountId}/10.30.0.0/16`];

    expect(landscape.config.internalApi.workloadAccounts[2]).toEqual({
      accountId,
      title: 'Claims (sandbox)',
      region: 'eu-west-1',
      vpcId: vpc.vpcId,
    });
    const ec2 = await ec2In(moto, accountId);
    const { Vpcs = [] } = await ec2.send(
      new DescribeVpcsCommand({ VpcIds: [vpc.vpcId] }),
    );
    ec2.destroy();
    expect(Vpcs.map(v => v.CidrBlock)).toEqual(['10.30.0.0/16']);
    expect(placementOf(landscape, `${accountId}/10.30.0.0/16`)).toEqual({
      accountId,
      region: 'eu-west-1',
      vpcId: vpc.vpcId,
      subnets: vpc.subnets,
    });
    // Its account's hosted zones are read too: delegated zones land there.
    const route53 = await route53In(moto, accountId);
    await route53.send(
      new CreateHostedZoneCommand({
        Name: 'claims.acme.com',
        CallerReference: 'claims',
      }),
    );
    route53.destroy();
    expect(
      Object.keys((await landscapeState(moto, landscape)).hostedZones),
    ).toContain(`${accountId} claims.acme.com.`);
    expect(
      Object.keys((await landscapeState(moto, seeded)).hostedZones),
    ).not.toContain(`${accountId} claims.acme.com.`);
  });

  it('gives the placement a template passes on: the private subnets only', () => {
    expect(placementOf(seeded, 'orders')).toEqual({
      accountId: orders,
      region: 'eu-west-1',
      vpcId: seeded.vpcs.orders.vpcId,
      subnets: seeded.vpcs.orders.subnets.slice(0, 3),
    });
    expect(() => placementOf(seeded, 'nowhere')).toThrow(
      "The landscape has no VPC named 'nowhere'",
    );
  });
});

describe('addedLines', () => {
  it('lists, per key of either side, the lines only the second has', () => {
    expect(
      addedLines({ a: ['1', '2'], b: ['x'] }, { a: ['2', '3'], c: ['y'] }),
    ).toEqual({ a: ['3'], b: [], c: ['y'] });
  });
});
