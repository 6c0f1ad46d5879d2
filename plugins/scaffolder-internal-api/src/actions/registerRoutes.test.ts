import {
  countingAwsClients,
  FailCall,
  ORDERS_ACCOUNT,
  REGION,
  writesIn,
} from '../__testUtils__/landscape';
import { tgwRoutes, vpcRoutes } from '../__testUtils__/routeState';
import {
  createOtherOrdersVpc,
  createWideConsumer,
  CUSTOMER_ACCOUNT,
  NETWORK_ACCOUNT,
  ordersPlacement,
  PARTNER_ACCOUNT,
  RoutingLandscape,
  startRoutingLandscape,
} from '../__testUtils__/routingLandscape';
import { runAction, RunOptions } from '../__testUtils__/runAction';
import { createRegisterRoutesAction } from './registerRoutes';

function registerRoutes(
  landscape: RoutingLandscape,
  input: Record<string, unknown>,
  options: RunOptions & {
    failCall?: FailCall;
    internalApi?: RoutingLandscape['internalApi'];
  } = {},
) {
  const { aws, calls } = countingAwsClients(landscape.config, options.failCall);
  const action = createRegisterRoutesAction({
    internalApi: options.internalApi ?? landscape.internalApi,
    aws,
  });
  const result = runAction(
    action,
    { ...ordersPlacement(landscape), ...input },
    options,
  );
  return { result, calls };
}

/** Every route the emulator holds for the VPCs and transit gateway involved. */
async function routeState(landscape: RoutingLandscape) {
  const { moto } = landscape;
  return {
    orders: await vpcRoutes(moto, ORDERS_ACCOUNT, landscape.orders.vpcId),
    customer: await vpcRoutes(moto, CUSTOMER_ACCOUNT, landscape.customer.vpcId),
    partner: await vpcRoutes(moto, PARTNER_ACCOUNT, landscape.partner.vpcId),
    shared: await vpcRoutes(moto, PARTNER_ACCOUNT, landscape.shared.vpcId),
    tgw: await tgwRoutes(moto, NETWORK_ACCOUNT, landscape.tgwRouteTableId),
  };
}

describe('internal-api:tgw:register-routes against the emulator', () => {
  let landscape: RoutingLandscape;
  beforeAll(async () => {
    landscape = await startRoutingLandscape();
  }, 60_000);
  afterAll(() => landscape?.moto.stop());

  const consumers = ['customer-api', 'partner-api'];

  it('in dry-run, lists exactly the routes a real run would create and writes nothing', async () => {
    const before = await routeState(landscape);
    const { result, calls } = registerRoutes(
      landscape,
      { consumers },
      { isDryRun: true },
    );
    const { routes } = await result;

    expect(writesIn(calls)).toEqual([]);
    expect(routes).toHaveLength(10);
    expect(
      routes.every((r: { status: string }) => r.status === 'planned'),
    ).toBe(true);
    expect(await routeState(landscape)).toEqual(before);
  });

  it('with planOnly, plans like a dry-run, writes nothing, and reports the consumer CIDRs', async () => {
    const before = await routeState(landscape);
    const { result, calls } = registerRoutes(landscape, {
      consumers,
      planOnly: true,
    });
    const outputs = await result;

    expect(writesIn(calls)).toEqual([]);
    expect(outputs.consumerCidrs).toEqual([
      { name: 'customer-api', cidr: '10.40.0.0/16' },
      { name: 'partner-api', cidr: '10.50.0.0/16' },
    ]);
    expect(
      outputs.routes.every((r: { status: string }) => r.status === 'planned'),
    ).toBe(true);
    expect(await routeState(landscape)).toEqual(before);
  });

  it('creates the routes both ways and the transit gateway route, and nothing else', async () => {
    const before = await routeState(landscape);
    const { result, calls } = registerRoutes(landscape, { consumers });
    const { routes } = await result;

    const [a, b, c] = landscape.orders.subnets.map(s => s.routeTableId!);
    const customerTables = await vpcRoutes(
      landscape.moto,
      CUSTOMER_ACCOUNT,
      landscape.customer.vpcId,
    );
    expect(customerTables).toHaveLength(2);
    expect(customerTables.every(line => line.endsWith(' 10.10.0.0/16'))).toBe(
      true,
    );
    expect(await routeState(landscape)).toEqual({
      ...before,
      orders: [a, b, c]
        .flatMap(rtb => [`${rtb} 10.40.0.0/16`, `${rtb} 10.50.0.0/16`])
        .sort(),
      customer: customerTables,
      partner: [expect.stringMatching(/^rtb-\w+ 10\.10\.0\.0\/16$/)],
      tgw: ['10.10.0.0/16'],
    });
    expect(writesIn(calls)).toHaveLength(10);
    expect(routes).toContainEqual({
      kind: 'transit-gateway',
      accountId: NETWORK_ACCOUNT,
      region: REGION,
      routeTableId: landscape.tgwRouteTableId,
      destinationCidrBlock: '10.10.0.0/16',
      target: landscape.attachmentId,
      status: 'created',
    });
    expect(routes).toContainEqual(
      expect.objectContaining({
        accountId: ORDERS_ACCOUNT,
        routeTableId: a,
        destinationCidrBlock: '10.40.0.0/16',
        target: landscape.transitGatewayId,
      }),
    );
  });

  it('writes nothing on a second run and reports every route as already present', async () => {
    const before = await routeState(landscape);
    const { result, calls } = registerRoutes(landscape, { consumers });
    const { routes } = await result;

    expect(writesIn(calls)).toEqual([]);
    expect(routes).toHaveLength(10);
    expect(
      routes.every((r: { status: string }) => r.status === 'already-present'),
    ).toBe(true);
    expect(await routeState(landscape)).toEqual(before);
  });

  it('plans with the same describe calls whether a consumer has 1, 10 or 50 route tables', async () => {
    const describeCounts: number[] = [];
    for (const tables of [1, 10, 50]) {
      const wide = await createWideConsumer(landscape, tables);
      const { result, calls } = registerRoutes(
        landscape,
        { consumers: [wide.name] },
        {
          internalApi: { ...landscape.internalApi, consumers: [wide] },
          isDryRun: true,
        },
      );
      const { routes } = await result;
      describeCounts.push(calls.length);
      // tables consumer routes + 3 provider return routes; the transit gateway route is already there.
      expect(
        routes.filter((r: { status: string }) => r.status === 'planned'),
      ).toHaveLength(tables + 3);
    }
    expect(describeCounts).toEqual([6, 6, 6]);
  }, 60_000);

  describe('refuses, with zero writes', () => {
    it.each([
      [
        'a consumer that is not configured',
        { consumers: ['customer-api', 'nobody'] },
        /consumers: 'nobody' not configured\. Choose from: customer-api, partner-api, legacy-api, shared-services/,
      ],
      [
        'an account that is not a workload account',
        { accountId: '999999999999', consumers },
        /accountId '999999999999' is not a configured workload account/,
      ],
      [
        "a region that is not the account's",
        { region: 'us-east-1', consumers },
        /region 'us-east-1' is not where account 444455556666/,
      ],
    ])('%s, before any AWS call', async (_case, input, message) => {
      const { result, calls } = registerRoutes(landscape, input);
      await expect(result).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringMatching(message),
      });
      expect(calls).toEqual([]);
    });

    it("a VPC other than the account's configured one, even one attached to the transit gateway, before any AWS call", async () => {
      const other = await createOtherOrdersVpc(landscape);
      const before = await routeState(landscape);
      const { result, calls } = registerRoutes(landscape, {
        vpcId: other.vpcId,
        subnets: other.subnets,
        consumers,
      });
      await expect(result).rejects.toMatchObject({
        name: 'InputError',
        message:
          `vpcId '${other.vpcId}' is not the VPC configured for account ${ORDERS_ACCOUNT} (Orders (prod)): ` +
          `use '${landscape.orders.vpcId}', the vpcId that internal-api:placement:resolve outputs. ` +
          'Internal APIs go only in the VPC set under internalApi.workloadAccounts.',
      });
      expect(calls).toEqual([]);
      expect(await routeState(landscape)).toEqual(before);
      await expect(
        vpcRoutes(landscape.moto, ORDERS_ACCOUNT, other.vpcId),
      ).resolves.toEqual([]);
    });

    it('when no transit gateway is configured, before any AWS call', async () => {
      const { transitGateway: _none, ...withoutTgw } = landscape.internalApi;
      const { result, calls } = registerRoutes(
        landscape,
        { consumers },
        { internalApi: withoutTgw },
      );
      await expect(result).rejects.toThrow(
        /No transit gateway is configured: a platform engineer sets internalApi\.transitGateway/,
      );
      expect(calls).toEqual([]);
    });

    it('a consumer whose CIDR overlaps the provider VPC', async () => {
      const before = await routeState(landscape);
      const { result, calls } = registerRoutes(landscape, {
        consumers: ['legacy-api'],
      });
      await expect(result).rejects.toThrow(
        /10\.10\.0\.0\/16 overlaps consumer legacy-api .*'s own CIDR 10\.10\.0\.0\/16/,
      );
      expect(writesIn(calls)).toEqual([]);
      expect(await routeState(landscape)).toEqual(before);
    });

    it('a route for the CIDR that leads elsewhere, naming the table, CIDR and target, even beside a valid consumer', async () => {
      const before = await routeState(landscape);
      const { result, calls } = registerRoutes(landscape, {
        consumers: ['partner-api', 'shared-services'],
      });
      await expect(result).rejects.toThrow(
        `${landscape.shared.subnets[0].routeTableId} (consumer shared-services (${landscape.shared.vpcId}), account ${PARTNER_ACCOUNT}) ` +
          `already routes 10.10.0.0/16 to ${landscape.internetGatewayId}`,
      );
      expect(writesIn(calls)).toEqual([]);
      expect(await routeState(landscape)).toEqual(before);
    });

    it('route tables that are not in the provider VPC', async () => {
      const { result, calls } = registerRoutes(landscape, {
        consumers,
        subnets: [{ routeTableId: landscape.customer.subnets[0].routeTableId }],
      });
      await expect(result).rejects.toThrow(
        /subnets: route tables rtb-\w+ are not in vpc-/,
      );
      expect(writesIn(calls)).toEqual([]);
    });
  });
});

describe('internal-api:tgw:register-routes after a partial failure', () => {
  let landscape: RoutingLandscape;
  beforeAll(async () => {
    landscape = await startRoutingLandscape();
  }, 60_000);
  afterAll(() => landscape?.moto.stop());

  it('completes the rest on a re-run when the third of five writes failed', async () => {
    const limit = Object.assign(new Error('Route limit exceeded'), {
      name: 'RouteLimitExceeded',
    });
    let writes = 0;
    const failThirdWrite: FailCall = name =>
      /^Create/.test(name) && ++writes === 3 ? limit : undefined;

    const failed = registerRoutes(
      landscape,
      { consumers: ['partner-api'] },
      { failCall: failThirdWrite },
    );
    await expect(failed.result).rejects.toThrow('Route limit exceeded');
    expect(writesIn(failed.calls)).toHaveLength(3);
    const afterFailure = await routeState(landscape);
    expect([...afterFailure.partner, ...afterFailure.orders]).toHaveLength(2);

    const rerun = registerRoutes(landscape, { consumers: ['partner-api'] });
    const { routes } = await rerun.result;
    expect(writesIn(rerun.calls)).toHaveLength(3);
    expect(routes.map((r: { status: string }) => r.status).sort()).toEqual([
      'already-present',
      'already-present',
      'created',
      'created',
      'created',
    ]);

    const third = registerRoutes(landscape, { consumers: ['partner-api'] });
    await third.result;
    expect(writesIn(third.calls)).toEqual([]);
  });
});
