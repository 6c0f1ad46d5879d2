import {
  DescribeRouteTablesCommand,
  DescribeTransitGatewayVpcAttachmentsCommand,
  GetManagedPrefixListEntriesCommand,
} from '@aws-sdk/client-ec2';
import { ec2In } from './accounts';
import { SANDBOX_ACCOUNTS, SANDBOX_REGION } from './landscape';
import { addConsumerVpc } from './landscapeExtensions';
import {
  addDefaultRoute,
  addEdgeRouteTable,
  addForeignRoute,
} from './landscapeRoutes';
import { Sandbox, startSandbox } from './startSandbox';

describe('landscape route cases', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ setEnv: false });
  }, 60_000);
  afterAll(() => sandbox?.stop());

  const tablesOf = async (accountId: string, vpcId: string) => {
    const ec2 = await ec2In(sandbox.moto, accountId);
    try {
      const { RouteTables = [] } = await ec2.send(
        new DescribeRouteTablesCommand({
          Filters: [{ Name: 'vpc-id', Values: [vpcId] }],
        }),
      );
      return RouteTables;
    } finally {
      ec2.destroy();
    }
  };

  it('routes a new prefix list to an internet gateway', async () => {
    const landscape = await addForeignRoute(sandbox.moto, sandbox.landscape, {
      vpc: 'customer',
      prefixList: ['10.0.0.0/8'],
    });
    const { customer } = landscape.vpcs;
    const routes = (
      await tablesOf(SANDBOX_ACCOUNTS.customer, customer.vpcId)
    ).flatMap(table => table.Routes ?? []);
    const route = routes.find(r => r.DestinationPrefixListId);
    expect(route).toMatchObject({ GatewayId: customer.internetGatewayId });
    const ec2 = await ec2In(sandbox.moto, SANDBOX_ACCOUNTS.customer);
    const { Entries } = await ec2.send(
      new GetManagedPrefixListEntriesCommand({
        PrefixListId: route!.DestinationPrefixListId,
      }),
    );
    ec2.destroy();
    expect(Entries).toEqual([{ Cidr: '10.0.0.0/8' }]);
  });

  it('adds an edge route table: associated with the internet gateway, no subnet', async () => {
    const { landscape, routeTableId } = await addEdgeRouteTable(
      sandbox.moto,
      sandbox.landscape,
      'partner',
    );
    const table = (
      await tablesOf(SANDBOX_ACCOUNTS.partner, landscape.vpcs.partner.vpcId)
    ).find(t => t.RouteTableId === routeTableId);
    expect(table?.Associations).toEqual([
      expect.objectContaining({
        GatewayId: landscape.vpcs.partner.internetGatewayId,
      }),
    ]);
  });

  it('adds a consumer with subnets in several zones, attached in some of them', async () => {
    const landscape = await addConsumerVpc(sandbox.moto, sandbox.landscape, {
      name: 'two-zones',
      accountId: SANDBOX_ACCOUNTS.customer,
      cidr: '10.61.0.0/16',
      routeTables: 3,
      zones: [`${SANDBOX_REGION}a`, `${SANDBOX_REGION}b`],
      attachZones: [`${SANDBOX_REGION}a`],
    });
    const vpc = landscape.vpcs['two-zones'];
    expect(vpc.subnets.map(subnet => subnet.availabilityZone)).toEqual([
      `${SANDBOX_REGION}a`,
      `${SANDBOX_REGION}b`,
    ]);
    const network = await ec2In(sandbox.moto, SANDBOX_ACCOUNTS.network);
    const { TransitGatewayVpcAttachments = [] } = await network.send(
      new DescribeTransitGatewayVpcAttachmentsCommand({
        TransitGatewayAttachmentIds: [vpc.attachmentId!],
      }),
    );
    network.destroy();
    expect(TransitGatewayVpcAttachments[0].SubnetIds).toEqual([
      vpc.subnets[0].subnetId,
    ]);
  });

  it('adds a default route through a NAT gateway to each private subnet of a VPC', async () => {
    const { landscape, targetId } = await addDefaultRoute(
      sandbox.moto,
      sandbox.landscape,
      { vpc: 'payments', via: 'nat' },
    );
    expect(targetId).toMatch(/^nat-/);
    const { payments } = landscape.vpcs;
    const defaults = (
      await tablesOf(SANDBOX_ACCOUNTS.payments, payments.vpcId)
    ).flatMap(table =>
      (table.Routes ?? [])
        .filter(route => route.DestinationCidrBlock === '0.0.0.0/0')
        .map(route => [table.RouteTableId, route.NatGatewayId]),
    );
    expect(defaults.sort()).toEqual(
      payments.subnets.map(subnet => [subnet.routeTableId, targetId]).sort(),
    );
  });
});
