import {
  landscapeState,
  LandscapeState,
  placementOf,
  repointTgwRouteByHand,
  repointVpcRouteByHand,
  Sandbox,
  SANDBOX_ACCOUNTS,
  startSandbox,
} from '@internal/aws-sandbox';
import { operations } from '../__testUtils__/countedContext';
import { linesTooLong } from '../__testUtils__/taskLog';
import {
  deregisterOrdersRoutes,
  ordersApi,
  registerOrdersRoutes,
} from '../__testUtils__/ordersRoutes';

const { customer, network, orders } = SANDBOX_ACCOUNTS;
const A = 'component:default/orders-a';
const B = 'component:default/orders-b';

type Row = {
  kind: string;
  accountId: string;
  routeTableId: string;
  status: string;
  neededBy?: string[];
  foundTarget?: string;
};
const statuses = (routes: Row[]) =>
  routes.map(r => `${r.accountId} ${r.routeTableId} ${r.status}`).sort();

describe('internal-api:tgw:deregister-routes against the emulator', () => {
  let sandbox: Sandbox;
  let pristine: LandscapeState;
  // The Orders tables of the API's subnets, the consumer's table in use, the gateway's table.
  let ordersTables: string[];
  let customerTable: string;
  let tgwTable: string;
  beforeAll(async () => {
    sandbox = await startSandbox();
    const { landscape } = sandbox;
    pristine = await landscapeState(sandbox.moto, landscape);
    ordersTables = placementOf(landscape, 'orders').subnets.map(
      s => s.routeTableId,
    );
    customerTable = landscape.vpcs.customer.subnets.find(s => s.routeTableId)!
      .routeTableId!;
    tgwTable = landscape.config.internalApi.transitGateway.routeTableId;
    await registerOrdersRoutes(landscape, ['customer-api']);
  }, 60_000);
  afterAll(() => sandbox?.stop());

  const state = () => landscapeState(sandbox.moto, sandbox.landscape);
  const both = () => [
    ordersApi(sandbox.landscape, 'orders-a', ['customer-api']),
    ordersApi(sandbox.landscape, 'orders-b', ['customer-api']),
  ];
  const decommission = (entityRef: string) => ({
    consumers: ['customer-api'],
    entityRef,
    decommission: true,
  });
  /** What a full decommission touches: 3 return routes, the consumer's route, the gateway's route. */
  const ours = (status: string) =>
    [
      ...ordersTables.map(t => `${orders} ${t} ${status}`),
      `${customer} ${customerTable} ${status}`,
      `${network} ${tgwTable} ${status}`,
    ].sort();

  it('in dry-run, plans the removal both ways and of the transit gateway route, and writes nothing', async () => {
    const before = await state();
    const { result, counter } = deregisterOrdersRoutes(
      sandbox.landscape,
      decommission(A),
      {
        isDryRun: true,
        catalogEntities: [both()[0]],
      },
    );
    const { routes } = await result;

    expect(counter.writes()).toEqual([]);
    expect(statuses(routes.filter((r: Row) => r.status !== 'absent'))).toEqual(
      ours('planned'),
    );
    // The main table the public subnets use holds no such route.
    expect(routes.filter((r: Row) => r.status === 'absent')).toHaveLength(1);
    expect(
      operations(counter.calls).filter(o => o.endsWith('(dry run)')),
    ).toEqual([
      ...ordersTables.map(() => 'DeleteRoute (dry run)'),
      'DeleteRoute (dry run)',
      'DeleteTransitGatewayRoute (dry run)',
    ]);
    expect(await state()).toEqual(before);
  });

  it('with planOnly, plans the same: the proxy saw only reads and dry runs', async () => {
    const before = await state();
    sandbox.proxy.clear();
    const { result } = deregisterOrdersRoutes(
      sandbox.landscape,
      { ...decommission(A), planOnly: true },
      { catalogEntities: [both()[0]] },
    );
    const { routes, consumerCidrs } = await result;

    expect(consumerCidrs).toEqual([
      { name: 'customer-api', cidr: '10.40.0.0/16' },
    ]);
    expect(statuses(routes.filter((r: Row) => r.status !== 'absent'))).toEqual(
      ours('planned'),
    );
    const calls = sandbox.proxy.calls().filter(c => c.service === 'ec2');
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.filter(c => c.write)).toEqual([]);
    expect(await state()).toEqual(before);
  });

  it('removing the first of two APIs that share the routes keeps them all, naming the other', async () => {
    const before = await state();
    const log: string[] = [];
    const { result, counter } = deregisterOrdersRoutes(
      sandbox.landscape,
      decommission(A),
      { catalogEntities: both(), log },
    );
    const { routes } = await result;

    expect(counter.writes()).toEqual([]);
    const kept = routes.filter((r: Row) => r.status !== 'absent');
    expect(statuses(kept)).toEqual(ours('kept'));
    expect(kept.every((r: Row) => r.neededBy?.join() === B)).toBe(true);
    expect(log).toEqual(
      expect.arrayContaining([
        'No route to remove.',
        'Kept, other APIs still need them (5):',
        `- ${tgwTable} 10.10.0.0/16`,
        `  needed by ${B}`,
      ]),
    );
    expect(linesTooLong(log)).toEqual([]);
    expect(await state()).toEqual(before);
  });

  it('removing the second removes both directions and the transit gateway route, and nothing else', async () => {
    // orders-a is gone from the catalog; orders-b is the API being decommissioned.
    const { result, counter } = deregisterOrdersRoutes(
      sandbox.landscape,
      decommission(B),
      { catalogEntities: [both()[1]] },
    );
    const { routes } = await result;

    expect(statuses(routes.filter((r: Row) => r.status !== 'absent'))).toEqual(
      ours('removed'),
    );
    expect(operations(counter.writes())).toEqual([
      'DeleteRoute',
      ...ordersTables.map(() => 'DeleteRoute'),
      'DeleteTransitGatewayRoute',
    ]);
    expect(await state()).toEqual(pristine);
  });

  it('on a re-run finds every route absent and writes nothing, with eight reads', async () => {
    const { result, counter } = deregisterOrdersRoutes(
      sandbox.landscape,
      decommission(B),
      { catalogEntities: [both()[1]] },
    );
    const { routes } = await result;

    expect(routes.every((r: Row) => r.status === 'absent')).toBe(true);
    expect(counter.writes()).toEqual([]);
    // Per VPC: its CIDR, tables and subnets; the network account: attachments and the route.
    expect(operations(counter.calls).sort()).toEqual(
      [
        ...['DescribeVpcs', 'DescribeRouteTables', 'DescribeSubnets'],
        ...['DescribeVpcs', 'DescribeRouteTables', 'DescribeSubnets'],
        'DescribeTransitGatewayVpcAttachments',
        'SearchTransitGatewayRoutes',
      ].sort(),
    );
    expect(await state()).toEqual(pristine);
  });

  it('never removes a route changed by hand, and reports where it leads now', async () => {
    await registerOrdersRoutes(sandbox.landscape, [
      'customer-api',
      'partner-api',
    ]);
    const { landscape, targetId: gatewayId } = await repointVpcRouteByHand(
      sandbox.proxy,
      sandbox.landscape,
      { vpc: 'orders', routeTableId: ordersTables[0], cidr: '10.40.0.0/16' },
    );
    const changed = (await landscapeState(sandbox.moto, landscape)).vpcRoutes
      .orders;

    // The API stays and drops customer-api: its transit gateway route is not looked at.
    const log: string[] = [];
    const drop = deregisterOrdersRoutes(
      landscape,
      { consumers: ['customer-api'], entityRef: A },
      {
        catalogEntities: [
          ordersApi(landscape, 'orders-a', ['customer-api', 'partner-api']),
        ],
        log,
      },
    );
    const { routes } = await drop.result;
    expect(routes.find((r: Row) => r.status === 'foreign')).toMatchObject({
      routeTableId: ordersTables[0],
      destinationCidrBlock: '10.40.0.0/16',
      foundTarget: gatewayId,
      reason: expect.stringContaining(
        `it leads to ${gatewayId}, not to ${landscape.transitGatewayId}`,
      ),
    });
    expect(routes.some((r: Row) => r.kind === 'transit-gateway')).toBe(false);
    expect(log).toEqual(
      expect.arrayContaining([
        'Removed 3 of 5 routes:',
        'Left alone, not the route register creates (1):',
        `- ${ordersTables[0]} 10.40.0.0/16`,
        `  leads to ${gatewayId}, not ${landscape.transitGatewayId}`,
        'Already absent: 1.',
      ]),
    );
    expect(linesTooLong(log)).toEqual([]);
    expect(drop.counter.writes()).toHaveLength(3);
    const after = await landscapeState(sandbox.moto, landscape);
    expect(after.vpcRoutes.orders).toEqual(
      changed.filter(
        line =>
          !line.includes(' 10.40.0.0/16 ') || line.startsWith(ordersTables[0]),
      ),
    );
    expect(after.transitGatewayRoutes).toEqual(['10.10.0.0/16 active']);

    // Someone points the gateway's route at the consumer's attachment; then the API goes.
    await repointTgwRouteByHand(sandbox.proxy, landscape, {
      cidr: '10.10.0.0/16',
      attachmentId: landscape.vpcs.customer.attachmentId!,
    });
    const gone = deregisterOrdersRoutes(
      landscape,
      { consumers: ['partner-api'], entityRef: A, decommission: true },
      { catalogEntities: [] },
    );
    const last = await gone.result;
    expect(
      last.routes.find((r: Row) => r.kind === 'transit-gateway'),
    ).toMatchObject({
      status: 'foreign',
      foundTarget: landscape.vpcs.customer.attachmentId,
    });
    expect(operations(gone.counter.writes())).toEqual(
      Array(4).fill('DeleteRoute'),
    );
    expect(
      (await landscapeState(sandbox.moto, landscape)).transitGatewayRoutes,
    ).toEqual(['10.10.0.0/16 active']);
  });
});
