import { createVpcWithSubnets } from '@internal/aws-sandbox';
import {
  countingAwsClients,
  ec2In,
  ORDERS_ACCOUNT,
  PAYMENTS_ACCOUNT,
  REGION,
  startPlacementLandscape,
} from '../__testUtils__/landscape';
import { runAction, RunOptions } from '../__testUtils__/runAction';
import { createResolvePlacementAction } from './resolvePlacement';

describe('internal-api:placement:resolve against the emulator', () => {
  let landscape: Awaited<ReturnType<typeof startPlacementLandscape>>;

  beforeAll(async () => {
    landscape = await startPlacementLandscape();
  }, 60_000);
  afterAll(() => landscape?.moto.stop());

  async function resolve(
    input: Record<string, unknown>,
    options: RunOptions & { ordersVpcId?: string } = {},
  ) {
    const { aws, calls } = countingAwsClients(landscape.config);
    const { internalApi } = landscape;
    const action = createResolvePlacementAction({
      // ordersVpcId: what the platform team configured as the Orders VPC.
      internalApi: {
        ...internalApi,
        workloadAccounts: internalApi.workloadAccounts.map(account =>
          account.accountId === ORDERS_ACCOUNT && options.ordersVpcId
            ? { ...account, vpcId: options.ordersVpcId }
            : account,
        ),
      },
      aws,
    });
    const result = runAction(
      action,
      { region: REGION, subnetFilters: [], ...input },
      options,
    );
    return { result, calls };
  }

  const privateSubnets = [{ name: 'tag:Tier', values: ['private'] }];

  it('resolves one private subnet in each of three zones, sorted, with their own route tables', async () => {
    const { result } = await resolve({
      accountId: ORDERS_ACCOUNT,
      subnetFilters: privateSubnets,
    });
    const byZone = [...landscape.orders.subnets.slice(0, 3)].sort((a, b) =>
      a.availabilityZone.localeCompare(b.availabilityZone),
    );

    await expect(result).resolves.toEqual({
      accountId: ORDERS_ACCOUNT,
      region: REGION,
      vpcId: landscape.orders.vpcId,
      vpcCidr: '10.10.0.0/16',
      availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
      subnets: byZone.map(s => ({
        subnetId: s.subnetId,
        availabilityZone: s.availabilityZone,
        cidr: s.cidr,
        routeTableId: s.routeTableId,
      })),
    });
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
        vpcId: landscape.orders.vpcId,
        subnetFilters: privateSubnets,
      })
    ).result;
    expect(given.vpcId).toBe(landscape.orders.vpcId);
    expect(given.subnets).toHaveLength(3);
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

  it('makes the same three EC2 calls however many subnets and route tables the VPC has', async () => {
    const ec2 = await ec2In(landscape.moto, ORDERS_ACCOUNT);
    const crowded = await createVpcWithSubnets(ec2, {
      cidr: '10.30.0.0/16',
      subnets: Array.from({ length: 24 }, (_, i) => ({
        availabilityZone: `eu-west-1${'abc'[i % 3]}`,
        cidr: `10.30.${i}.0/24`,
        tags: { Tier: i < 3 ? 'private' : 'other' },
        ownRouteTable: true,
      })),
    });
    ec2.destroy();

    const few = await resolve({
      accountId: ORDERS_ACCOUNT,
      subnetFilters: privateSubnets,
    });
    await few.result;
    const many = await resolve(
      { accountId: ORDERS_ACCOUNT, subnetFilters: privateSubnets },
      { ordersVpcId: crowded.vpcId },
    );
    expect(((await many.result) as any).subnets).toHaveLength(3);

    expect(few.calls).toEqual([
      'DescribeVpcsCommand',
      'DescribeSubnetsCommand',
      'DescribeRouteTablesCommand',
    ]);
    expect(many.calls).toEqual(few.calls);
  });

  describe('refuses, naming the field and the fix', () => {
    it.each([
      [
        'an account that is not a workload account',
        { accountId: '999999999999' },
        /accountId '999999999999' is not a configured workload account\. Choose one of: 444455556666 \(Orders \(prod\)\), 555566667777 \(Payments \(prod\)\)/,
      ],
      [
        "a region that is not the account's",
        { accountId: ORDERS_ACCOUNT, region: 'us-east-1' },
        /region 'us-east-1' is not where account 444455556666 \(Orders \(prod\)\) hosts internal APIs: use 'eu-west-1'/,
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
      const ec2 = await ec2In(landscape.moto, ORDERS_ACCOUNT);
      const other = await createVpcWithSubnets(ec2, {
        cidr: '10.31.0.0/16',
        subnets: ['a', 'b'].map((zone, i) => ({
          availabilityZone: `${REGION}${zone}`,
          cidr: `10.31.${i}.0/24`,
          tags: { Tier: 'private' },
        })),
      });
      ec2.destroy();

      for (const vpcId of [other.vpcId, landscape.payments.vpcId]) {
        const { result, calls } = await resolve({
          accountId: ORDERS_ACCOUNT,
          vpcId,
          subnetFilters: privateSubnets,
        });
        await expect(result).rejects.toMatchObject({
          name: 'InputError',
          message:
            `vpcId '${vpcId}' is not the VPC configured for account ${ORDERS_ACCOUNT} (Orders (prod)): ` +
            `use '${landscape.orders.vpcId}' or leave vpcId empty. ` +
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
        `The VPC configured for account ${ORDERS_ACCOUNT} (Orders (prod)), 'vpc-0123456789abcdef0', was not found in region ${REGION}. ` +
          'A platform engineer corrects internalApi.workloadAccounts[].vpcId in app-config.yaml.',
      );
    });

    it('filters that match no subnet', async () => {
      const { result } = await resolve({
        accountId: ORDERS_ACCOUNT,
        subnetFilters: [{ name: 'tag:Tier', values: ['isolated'] }],
      });
      await expect(result).rejects.toThrow(
        `subnetFilters (tag:Tier=isolated) match no subnet in ${landscape.orders.vpcId}`,
      );
    });

    it('two subnets in one zone, listing the zone and both subnets', async () => {
      const { result } = await resolve({
        accountId: PAYMENTS_ACCOUNT,
        subnetFilters: privateSubnets,
      });
      const [first, second] = landscape.payments.subnets;
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
        `subnetFilters match subnets in only 1 Availability Zone (eu-west-1b) of ${landscape.orders.vpcId}. ` +
          'An internal API needs subnets in at least 2 zones',
      );
    });
  });
});
