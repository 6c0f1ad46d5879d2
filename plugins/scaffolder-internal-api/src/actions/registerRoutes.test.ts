import {
  addConsumerVpc,
  addedLines,
  FailAwsCall,
  Landscape,
  landscapeState,
  LandscapeState,
  placementOf,
  Sandbox,
  SANDBOX_ACCOUNTS,
  SANDBOX_REGION,
  startSandbox,
} from '@internal/aws-sandbox';
import { countedContext } from '../__testUtils__/countedContext';
import { runAction, RunOptions } from '../__testUtils__/runAction';
import { createRegisterRoutesAction } from './registerRoutes';

const { customer, network, orders, partner } = SANDBOX_ACCOUNTS;

/** Runs the action for the Orders placement, its AWS calls counted. */
function registerRoutes(
  landscape: Landscape,
  input: Record<string, unknown>,
  options: RunOptions & { failCall?: FailAwsCall } = {},
) {
  const { counter, ...context } = countedContext(landscape, {
    failCall: options.failCall,
  });
  const action = createRegisterRoutesAction(context);
  const result = runAction(
    action,
    { ...placementOf(landscape, 'orders'), ...input },
    options,
  );
  return { result, counter };
}

/** The route tables of a VPC, from its routes (every table has its local route). */
const tablesOf = (state: LandscapeState, vpc: string) => [
  ...new Set(state.vpcRoutes[vpc].map(line => line.split(' ')[0])),
];

/**
 * A VPC's routes in `before` plus a route for `cidr` in each of `tables`, as
 * landscapeState lists them: to '?', since moto does not report a route's
 * transit gateway in DescribeRouteTables.
 */
const withRoutes = (
  before: LandscapeState,
  vpc: string,
  routes: { tables: string[]; cidr: string }[],
) =>
  [
    ...before.vpcRoutes[vpc],
    ...routes.flatMap(({ tables, cidr }) =>
      tables.map(rtb => `${rtb} ${cidr} -> ? active`),
    ),
  ].sort();

describe('internal-api:tgw:register-routes against the emulator', () => {
  let sandbox: Sandbox;
  let landscape: Landscape;
  beforeAll(async () => {
    sandbox = await startSandbox();
    landscape = sandbox.landscape;
  }, 60_000);
  afterAll(() => sandbox?.stop());

  const consumers = ['customer-api', 'partner-api'];
  const state = () => landscapeState(sandbox.moto, landscape);

  it('in dry-run, lists exactly the routes a real run would create and writes nothing', async () => {
    const before = await state();
    const { result, counter } = registerRoutes(
      landscape,
      { consumers },
      { isDryRun: true },
    );
    const { routes } = await result;

    expect(counter.writes()).toEqual([]);
    // customer-api's main table carries no subnet: skipped; partner-api's carries its only subnet.
    expect(routes).toHaveLength(9);
    expect(
      routes.every((r: { status: string }) => r.status === 'planned'),
    ).toBe(true);
    // Each planned write was asked as a dry run, so a missing permission fails here.
    expect(
      counter.calls.filter(call => call.operation.endsWith('(dry run)')),
    ).toHaveLength(9);
    expect(await state()).toEqual(before);
  });

  it('with planOnly, plans like a dry-run, writes nothing, and reports the consumer CIDRs', async () => {
    const before = await state();
    const { result, counter } = registerRoutes(landscape, {
      consumers,
      planOnly: true,
    });
    const outputs = await result;

    expect(counter.writes()).toEqual([]);
    expect(outputs.consumerCidrs).toEqual([
      { name: 'customer-api', cidr: '10.40.0.0/16' },
      { name: 'partner-api', cidr: '10.50.0.0/16' },
    ]);
    expect(
      outputs.routes.every((r: { status: string }) => r.status === 'planned'),
    ).toBe(true);
    expect(await state()).toEqual(before);
  });

  it('creates the routes both ways and the transit gateway route, and nothing else', async () => {
    const before = await state();
    const { result, counter } = registerRoutes(landscape, { consumers });
    const { routes } = await result;

    const { transitGatewayId, vpcs } = landscape;
    const [a, b, c] = placementOf(landscape, 'orders').subnets.map(
      s => s.routeTableId,
    );
    // Only the table a subnet uses; the main one has none.
    const customerTables = [
      landscape.vpcs.customer.subnets.find(sub => sub.routeTableId)!
        .routeTableId!,
    ];
    expect(tablesOf(before, 'customer')).toHaveLength(2);
    const toOrders = (tables: string[]) => [{ tables, cidr: '10.10.0.0/16' }];
    expect(await state()).toEqual({
      ...before,
      vpcRoutes: {
        ...before.vpcRoutes,
        orders: withRoutes(before, 'orders', [
          { tables: [a, b, c], cidr: '10.40.0.0/16' },
          { tables: [a, b, c], cidr: '10.50.0.0/16' },
        ]),
        customer: withRoutes(before, 'customer', toOrders(customerTables)),
        partner: withRoutes(
          before,
          'partner',
          toOrders(tablesOf(before, 'partner')),
        ),
      },
      transitGatewayRoutes: ['10.10.0.0/16 active'],
    });
    expect(counter.writes()).toHaveLength(9);
    expect(routes).toContainEqual(
      expect.objectContaining({
        accountId: partner,
        destinationCidrBlock: '10.10.0.0/16',
        mainRouteTable: true,
      }),
    );
    expect(routes).toContainEqual({
      kind: 'transit-gateway',
      accountId: network,
      region: SANDBOX_REGION,
      routeTableId: landscape.config.internalApi.transitGateway.routeTableId,
      destinationCidrBlock: '10.10.0.0/16',
      target: vpcs.orders.attachmentId,
      status: 'created',
    });
    expect(routes).toContainEqual(
      expect.objectContaining({
        accountId: orders,
        routeTableId: a,
        destinationCidrBlock: '10.40.0.0/16',
        target: transitGatewayId,
      }),
    );
  });

  it('writes nothing on a second run and reports every route as already present', async () => {
    const before = await state();
    const { result, counter } = registerRoutes(landscape, { consumers });
    const { routes } = await result;

    expect(counter.writes()).toEqual([]);
    expect(routes).toHaveLength(9);
    expect(
      routes.every((r: { status: string }) => r.status === 'already-present'),
    ).toBe(true);
    expect(await state()).toEqual(before);
  });

  it('plans with the same describe calls whether a consumer has 1, 10 or 50 route tables', async () => {
    const describeCounts: number[] = [];
    for (const tables of [1, 10, 50]) {
      const wide = await addConsumerVpc(sandbox.moto, landscape, {
        name: `wide-${tables}`,
        accountId: customer,
        cidr: `10.${70 + tables}.0.0/16`,
        routeTables: tables,
      });
      const { result, counter } = registerRoutes(
        wide,
        { consumers: [`wide-${tables}`] },
        { isDryRun: true },
      );
      const { routes } = await result;
      describeCounts.push(
        counter.calls.filter(call => !call.operation.endsWith('(dry run)'))
          .length,
      );
      // A route in each table a subnet uses (all but the main one, unless it
      // is the only one) + 3 provider return routes; the transit gateway
      // route is already there.
      expect(
        routes.filter((r: { status: string }) => r.status === 'planned'),
      ).toHaveLength(Math.max(1, tables - 1) + 3);
    }
    expect(describeCounts).toEqual([8, 8, 8]);
  }, 60_000);
});

describe('internal-api:tgw:register-routes after a partial failure', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  }, 60_000);
  afterAll(() => sandbox?.stop());

  it('completes the rest on a re-run when the third of five writes failed', async () => {
    const { moto, landscape } = sandbox;
    const limit = Object.assign(new Error('Route limit exceeded'), {
      name: 'RouteLimitExceeded',
    });
    let writes = 0;
    const failThirdWrite: FailAwsCall = call =>
      call.write && ++writes === 3 ? limit : undefined;
    const before = await landscapeState(moto, landscape);

    const failed = registerRoutes(
      landscape,
      { consumers: ['partner-api'] },
      { failCall: failThirdWrite },
    );
    // The writes go out at once: the other four are made, and the error names each.
    await expect(failed.result).rejects.toThrow(
      /^Route limit exceeded\.\nRoutes created before this failure \(a run with the same values keeps them\):(\n- (rtb-\S+ 10\.[15]0\.0\.0\/16 -> tgw|tgw-rtb-\S+ 10\.10\.0\.0\/16 -> tgw-attach)-\S+){4}$/,
    );
    expect(failed.counter.writes()).toHaveLength(5);
    const after = await landscapeState(moto, landscape);
    const added = addedLines(before.vpcRoutes, after.vpcRoutes);
    const addedTgw = addedLines(
      { tgw: before.transitGatewayRoutes },
      { tgw: after.transitGatewayRoutes },
    ).tgw;
    expect([...added.partner, ...added.orders, ...addedTgw]).toHaveLength(4);

    const rerun = registerRoutes(landscape, { consumers: ['partner-api'] });
    const { routes } = await rerun.result;
    expect(rerun.counter.writes()).toHaveLength(1);
    expect(routes.map((r: { status: string }) => r.status).sort()).toEqual([
      'already-present',
      'already-present',
      'already-present',
      'already-present',
      'created',
    ]);

    const third = registerRoutes(landscape, { consumers: ['partner-api'] });
    await third.result;
    expect(third.counter.writes()).toEqual([]);
  });
});
