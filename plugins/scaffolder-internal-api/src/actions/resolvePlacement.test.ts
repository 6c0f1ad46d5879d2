import {
  addWorkloadVpc,
  placementOf,
  privateSubnet,
  Sandbox,
  SANDBOX_ACCOUNTS,
  SANDBOX_REGION,
  SandboxLandscape,
  startSandbox,
} from '@internal/aws-sandbox';
import { operations } from '../__testUtils__/countedContext';
import { resolvePlacement } from '../__testUtils__/resolvePlacement';
import type { RunOptions } from '../__testUtils__/runAction';
import { linesTooLong } from '../__testUtils__/taskLog';

const { orders: ORDERS_ACCOUNT, payments: PAYMENTS_ACCOUNT } = SANDBOX_ACCOUNTS;
const REGION = SANDBOX_REGION;

describe('internal-api:placement:resolve against the emulator', () => {
  let sandbox: Sandbox;
  let landscape: SandboxLandscape;

  beforeAll(async () => {
    sandbox = await startSandbox();
    landscape = sandbox.landscape;
  }, 60_000);
  afterAll(() => sandbox?.stop());

  const resolve = (
    input: Record<string, unknown>,
    options: RunOptions & { ordersVpcId?: string } = {},
  ) =>
    // ordersVpcId: what the platform team configured as the Orders VPC.
    resolvePlacement(landscape, input, {
      ...options,
      vpcOf: options.ordersVpcId
        ? { [ORDERS_ACCOUNT]: options.ordersVpcId }
        : undefined,
    });

  const privateSubnets = [{ name: 'tag:Tier', values: ['private'] }];

  it('resolves one private subnet in each of three zones, sorted, with their own route tables', async () => {
    // The seeded Orders VPC has its subnets in zone order: this one, configured
    // as the Orders VPC, has them created in zones c, a, b.
    const unordered = await addWorkloadVpc(sandbox.moto, landscape, {
      name: 'orders-unordered',
      accountId: ORDERS_ACCOUNT,
      cidr: '10.32.0.0/16',
      subnets: [
        privateSubnet('c', '10.32.3.0/24'),
        privateSubnet('a', '10.32.1.0/24'),
        privateSubnet('b', '10.32.2.0/24'),
      ],
    });
    const vpc = unordered.vpcs['orders-unordered'];
    const log: string[] = [];
    const { result } = await resolve(
      { accountId: ORDERS_ACCOUNT, subnetFilters: privateSubnets },
      { ordersVpcId: vpc.vpcId, log },
    );
    const byZone = [...vpc.subnets].sort((a, b) =>
      a.availabilityZone.localeCompare(b.availabilityZone),
    );

    await expect(result).resolves.toEqual({
      accountId: ORDERS_ACCOUNT,
      region: REGION,
      vpcId: vpc.vpcId,
      vpcCidr: '10.32.0.0/16',
      availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
      subnets: byZone.map(s => ({
        subnetId: s.subnetId,
        availabilityZone: s.availabilityZone,
        cidr: s.cidr,
        routeTableId: s.routeTableId,
      })),
      // The sandbox's VPCs have no endpoints and no default route.
      vpcEndpoints: [],
      egressRoute: false,
    });
    expect(byZone.map(s => s.subnetId)).not.toEqual(
      vpc.subnets.map(s => s.subnetId),
    );
    // A subnet a line, short enough for the task page.
    expect(log).toEqual([
      `Placement in ${vpc.vpcId} (10.32.0.0/16), one subnet per zone:`,
      ...byZone.map(s => `- ${s.availabilityZone}: ${s.subnetId} (${s.cidr})`),
    ]);
    expect(linesTooLong(log)).toEqual([]);
  });

  it('resolves two zones, and reports the main route table for subnets without their own', async () => {
    const { result } = await resolve({
      accountId: ORDERS_ACCOUNT,
      subnetFilters: [{ name: 'tag:Tier', values: ['public'] }],
    });
    const outputs = (await result) as any;

    expect(outputs.availabilityZones).toEqual(['eu-west-1a', 'eu-west-1b']);
    expect(outputs.subnets.map((s: any) => s.cidr)).toEqual([
      '10.10.101.0/24',
      '10.10.102.0/24',
    ]);
    expect(outputs.subnets[0].routeTableId).toMatch(/^rtb-/);
    expect(outputs.subnets[0].routeTableId).toBe(
      outputs.subnets[1].routeTableId,
    );
  });

  it("accepts the account's configured VPC given explicitly", async () => {
    const given = await (
      await resolve({
        accountId: ORDERS_ACCOUNT,
        vpcId: landscape.vpcs.orders.vpcId,
        subnetFilters: privateSubnets,
      })
    ).result;
    expect(given.vpcId).toBe(landscape.vpcs.orders.vpcId);
    expect(given.subnets).toEqual(placementOf(landscape, 'orders').subnets);
  });

  it('gives the same answer in dry-run, since it only reads', async () => {
    const real = await (
      await resolve({
        accountId: ORDERS_ACCOUNT,
        subnetFilters: privateSubnets,
      })
    ).result;
    const dry = await (
      await resolve(
        { accountId: ORDERS_ACCOUNT, subnetFilters: privateSubnets },
        { isDryRun: true },
      )
    ).result;
    expect(dry).toEqual(real);
  });

  it('makes the same eight EC2 calls however many subnets and route tables the VPC has', async () => {
    const withCrowded = await addWorkloadVpc(sandbox.moto, landscape, {
      name: 'crowded',
      accountId: ORDERS_ACCOUNT,
      cidr: '10.30.0.0/16',
      subnets: Array.from({ length: 24 }, (_, i) => ({
        availabilityZone: `eu-west-1${'abc'[i % 3]}`,
        cidr: `10.30.${i}.0/24`,
        tags: { Tier: i < 3 ? 'private' : 'other' },
        ownRouteTable: true,
      })),
    });

    const few = await resolve({
      accountId: ORDERS_ACCOUNT,
      subnetFilters: privateSubnets,
    });
    await few.result;
    const many = await resolve(
      { accountId: ORDERS_ACCOUNT, subnetFilters: privateSubnets },
      { ordersVpcId: withCrowded.vpcs.crowded.vpcId },
    );
    expect(((await many.result) as any).subnets).toHaveLength(3);

    // Sent at once, so in no fixed order.
    expect(operations(few.calls).sort()).toEqual(
      [
        'DescribeVpcs',
        'DescribeSubnets',
        'DescribeRouteTables',
        // The transit gateway's attachment of the VPC and the zones of its subnets.
        'DescribeTransitGatewayVpcAttachments',
        'DescribeSubnets',
        // What the stack needs to know: endpoints, DNS support and host names.
        'DescribeVpcEndpoints',
        'DescribeVpcAttribute',
        'DescribeVpcAttribute',
      ].sort(),
    );
    expect(operations(many.calls).sort()).toEqual(operations(few.calls).sort());
  });

  describe('refuses, naming the field and the fix', () => {
    it.each([
      [
        'an account that is not a workload account',
        { accountId: '999999999999' },
        /accountId '999999999999' is not a configured workload account\. Choose one of: 444455556666 \(Orders \(sandbox\)\), 555566667777 \(Payments \(sandbox\)\)/,
      ],
      [
        "a region that is not the account's",
        { accountId: ORDERS_ACCOUNT, region: 'us-east-1' },
        /region 'us-east-1' is not where account 444455556666 \(Orders \(sandbox\)\) hosts internal APIs: use 'eu-west-1'/,
      ],
      [
        'a filter name DescribeSubnets does not know',
        {
          accountId: ORDERS_ACCOUNT,
          subnetFilters: [{ name: 'tier', values: ['private'] }],
        },
        /subnetFilters\[0\]\.name 'tier' is not a DescribeSubnets filter\. Use tag:<key>/,
      ],
      [
        'a vpc-id filter',
        {
          accountId: ORDERS_ACCOUNT,
          subnetFilters: [{ name: 'vpc-id', values: ['vpc-1'] }],
        },
        /subnetFilters\[0\]\.name 'vpc-id' is not allowed.*Set vpcId instead/,
      ],
      [
        'a filter without values',
        {
          accountId: ORDERS_ACCOUNT,
          subnetFilters: [...privateSubnets, { name: 'subnet-id', values: [] }],
        },
        /subnetFilters\[1\]\.values must hold at least one value/,
      ],
    ])('%s, before any AWS call', async (_case, input, message) => {
      const { result, calls } = await resolve(input);
      await expect(result).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringMatching(message),
      });
      expect(calls).toEqual([]);
    });

    it("a VPC other than the account's configured one, even one that would resolve, before any AWS call", async () => {
      // Private subnets in zones a and b: a placement that would resolve.
      const withOther = await addWorkloadVpc(sandbox.moto, landscape, {
        name: 'other-orders',
        accountId: ORDERS_ACCOUNT,
        cidr: '10.31.0.0/16',
        attach: false,
      });
      const ordersVpcId = landscape.vpcs.orders.vpcId;

      for (const vpcId of [
        withOther.vpcs['other-orders'].vpcId,
        landscape.vpcs.payments.vpcId,
      ]) {
        const { result, calls } = await resolve({
          accountId: ORDERS_ACCOUNT,
          vpcId,
          subnetFilters: privateSubnets,
        });
        await expect(result).rejects.toMatchObject({
          name: 'InputError',
          message:
            `vpcId '${vpcId}' is not the VPC configured for account ${ORDERS_ACCOUNT} (Orders (sandbox)): ` +
            `use '${ordersVpcId}' or leave vpcId empty. ` +
            'Internal APIs go only in the VPC set under internalApi.workloadAccounts.',
        });
        expect(calls).toEqual([]);
      }
    });

    it('a configured VPC that does not exist, naming the config to correct', async () => {
      const { result } = await resolve(
        { accountId: ORDERS_ACCOUNT, subnetFilters: privateSubnets },
        { ordersVpcId: 'vpc-0123456789abcdef0' },
      );
      await expect(result).rejects.toThrow(
        `The VPC configured for account ${ORDERS_ACCOUNT} (Orders (sandbox)), 'vpc-0123456789abcdef0', was not found in region ${REGION}. ` +
          'A platform engineer corrects internalApi.workloadAccounts[].vpcId in app-config.yaml.',
      );
    });

    it('filters that match no subnet', async () => {
      const { result } = await resolve({
        accountId: ORDERS_ACCOUNT,
        subnetFilters: [{ name: 'tag:Tier', values: ['isolated'] }],
      });
      await expect(result).rejects.toThrow(
        `subnetFilters (tag:Tier=isolated) match no subnet in ${landscape.vpcs.orders.vpcId}`,
      );
    });

    it('two subnets in one zone, listing the zone and both subnets', async () => {
      const { result } = await resolve({
        accountId: PAYMENTS_ACCOUNT,
        subnetFilters: privateSubnets,
      });
      const [first, second] = landscape.vpcs.payments.subnets;
      await expect(result).rejects.toThrow(
        `subnetFilters match more than one subnet in an Availability Zone (eu-west-1a: ${first.subnetId}, ${second.subnetId}). ` +
          'A Network Load Balancer takes one subnet per zone',
      );
    });

    it('subnets in fewer than two zones', async () => {
      const { result } = await resolve({
        accountId: ORDERS_ACCOUNT,
        subnetFilters: [
          ...privateSubnets,
          { name: 'availability-zone', values: ['eu-west-1b'] },
        ],
      });
      await expect(result).rejects.toThrow(
        `subnetFilters match subnets in only 1 Availability Zone (eu-west-1b) of ${landscape.vpcs.orders.vpcId}. ` +
          'An internal API needs subnets in at least 2 zones',
      );
    });
  });
});
