import {
  addConsumerVpc,
  addDefaultRoute,
  addEdgeRouteTable,
  addForeignRoute,
  Landscape,
  landscapeState,
  placementOf,
  Sandbox,
  SANDBOX_ACCOUNTS,
  SANDBOX_REGION,
  startSandbox,
} from '@internal/aws-sandbox';
import type { RouteChange } from '@internal/plugin-internal-api-node';
import { countedContext } from '../__testUtils__/countedContext';
import { runAction } from '../__testUtils__/runAction';
import { linesTooLong } from '../__testUtils__/taskLog';
import { createRegisterRoutesAction } from './registerRoutes';

const { customer, partner } = SANDBOX_ACCOUNTS;

/**
 * Which route tables the action writes, and the routes that stop it, on the
 * emulator: edge and unused main tables, prefix lists, broader routes, zones
 * an attachment misses, and a role that may not write. Cases moto cannot
 * show (propagation, associations, attachment states) are in the core's
 * routes/plan.test.ts, with EC2 mocked.
 */
describe('internal-api:tgw:register-routes on realistic route tables', () => {
  let sandbox: Sandbox;
  let landscape: Landscape;
  let edgeTable: string;
  beforeAll(async () => {
    sandbox = await startSandbox();
    const { moto } = sandbox;
    // partner-api gets an edge route table (ingress routing from its internet gateway).
    const edge = await addEdgeRouteTable(moto, sandbox.landscape, 'partner');
    edgeTable = edge.routeTableId;
    landscape = edge.landscape;
    // A corporate prefix list 10.0.0.0/8 to an internet gateway, and a broader route to one.
    landscape = await addConsumerVpc(moto, landscape, {
      name: 'corp-listed',
      accountId: customer,
      cidr: '10.62.0.0/16',
      routeTables: 2,
    });
    landscape = await addForeignRoute(moto, landscape, {
      vpc: 'corp-listed',
      prefixList: ['10.0.0.0/8'],
    });
    landscape = await addConsumerVpc(moto, landscape, {
      name: 'inspected',
      accountId: partner,
      cidr: '10.63.0.0/16',
      routeTables: 2,
    });
    landscape = await addForeignRoute(moto, landscape, {
      vpc: 'inspected',
      cidr: '10.0.0.0/8',
    });
    // Private subnets whose default route leads to a NAT gateway, as most VPCs have.
    landscape = await addConsumerVpc(moto, landscape, {
      name: 'nat-routed',
      accountId: partner,
      cidr: '10.65.0.0/16',
      routeTables: 2,
    });
    landscape = (
      await addDefaultRoute(moto, landscape, { vpc: 'nat-routed', via: 'nat' })
    ).landscape;
    // Subnets in zones a and b, attached in zone a only.
    landscape = await addConsumerVpc(moto, landscape, {
      name: 'half-attached',
      accountId: customer,
      cidr: '10.64.0.0/16',
      routeTables: 3,
      zones: [`${SANDBOX_REGION}a`, `${SANDBOX_REGION}b`],
      attachZones: [`${SANDBOX_REGION}a`],
    });
  }, 60_000);
  afterAll(() => sandbox?.stop());

  const run = (
    consumers: string[],
    options: { planOnly?: boolean } = {},
    log?: string[],
  ) => {
    const { counter, ...context } = countedContext(landscape);
    const result = runAction(
      createRegisterRoutesAction(context),
      { ...placementOf(landscape, 'orders'), consumers, ...options },
      { log },
    );
    return { result, counter };
  };
  const state = () => landscapeState(sandbox.moto, landscape);

  it('never writes an edge route table or a main table no subnet uses, and says so; writes a main table a subnet uses, marked as such', async () => {
    const log: string[] = [];
    const { result } = run(
      ['customer-api', 'partner-api'],
      { planOnly: true },
      log,
    );
    const { routes, skippedRouteTables } = await result;
    const customerMain = (await state()).vpcRoutes.customer
      .map(line => line.split(' ')[0])
      .find(
        id =>
          id !==
          landscape.vpcs.customer.subnets.find(s => s.routeTableId)!
            .routeTableId,
      );
    const customerVpc = `consumer customer-api (${landscape.vpcs.customer.vpcId})`;
    const partnerVpc = `consumer partner-api (${landscape.vpcs.partner.vpcId})`;
    expect(skippedRouteTables).toEqual([
      {
        routeTableId: customerMain,
        vpc: customerVpc,
        reason:
          'no subnet uses it (the main route table; every subnet has its own)',
      },
      {
        routeTableId: edgeTable,
        vpc: partnerVpc,
        reason: `associated with ${landscape.vpcs.partner.internetGatewayId} (an edge route table); never written`,
      },
    ]);
    // A table or route a line, its detail indented below: short enough for the task page.
    const planned = routes.filter(
      (r: { status: string }) => r.status === 'planned',
    );
    const mainRoute = planned.find(
      (r: { mainRouteTable?: boolean }) => r.mainRouteTable,
    );
    expect(log).toEqual([
      'Leaves 2 route tables alone:',
      `- ${customerMain} in ${customerVpc}:`,
      '  no subnet uses it (the main route table; every subnet has its own).',
      `- ${edgeTable} in ${partnerVpc}:`,
      `  associated with ${landscape.vpcs.partner.internetGatewayId} (an edge route table); never written.`,
      `Plan only, would create ${planned.length} of ${routes.length} routes:`,
      ...planned.flatMap((r: RouteChange) => [
        `- ${r.routeTableId} ${r.destinationCidrBlock} -> ${r.target}`,
        ...(r === mainRoute
          ? [
              '  (main route table: also for subnets added later without a table of their own)',
            ]
          : []),
      ]),
    ]);
    expect(linesTooLong(log)).toEqual([]);
    const touched = routes.map((r: { routeTableId: string }) => r.routeTableId);
    expect(touched).not.toContain(edgeTable);
    expect(touched).not.toContain(customerMain);
    expect(
      routes.filter((r: { mainRouteTable?: boolean }) => r.mainRouteTable),
    ).toEqual([
      expect.objectContaining({
        accountId: partner,
        destinationCidrBlock: '10.10.0.0/16',
      }),
    ]);
  });

  it.each([
    [
      'a prefix list whose entry overlaps the provider CIDR, to another target',
      'corp-listed',
      /routes prefix list pl-\w+ \(entry 10\.0\.0\.0\/8\), which overlaps 10\.10\.0\.0\/16, to igw-\w+; a route for 10\.10\.0\.0\/16 would take that traffic away from it/,
    ],
    [
      'a broader route to another target',
      'inspected',
      /routes 10\.0\.0\.0\/8, which overlaps 10\.10\.0\.0\/16, to igw-\w+; a route for 10\.10\.0\.0\/16 would take that traffic away from it/,
    ],
    [
      'an attachment without a subnet in a zone the consumer uses',
      'half-attached',
      /consumer half-attached \(vpc-\w+\): transit gateway attachment tgw-attach-\w+ has no subnet in eu-west-1b, where its subnets are/,
    ],
  ])('refuses %s, with zero writes', async (_case, consumer, message) => {
    const before = await state();
    const { result, counter } = run([consumer]);
    await expect(result).rejects.toThrow(message);
    expect(counter.writes()).toEqual([]);
    expect(await state()).toEqual(before);
  });

  it('routes a consumer whose tables send everything else to a NAT gateway: a default route is no conflict', async () => {
    const { result, counter } = run(['nat-routed'], { planOnly: true });
    const { routes } = await result;
    expect(counter.writes()).toEqual([]);
    expect(
      routes.filter(
        (r: { accountId: string; status: string }) =>
          r.accountId === partner && r.status === 'planned',
      ),
    ).toHaveLength(1);
  });

  // Last: the proxy keeps denying CreateRoute for the rest of this sandbox.
  it('fails the check (planOnly) when the role may not create the routes, before any write', async () => {
    sandbox.proxy.deny('CreateRoute');
    const before = await state();
    const { result, counter } = run(['partner-api'], { planOnly: true });
    await expect(result).rejects.toThrow(
      /^The role the platform uses in these accounts may not make these writes; nothing was written:\n- ec2:CreateRoute in account 888899990000 \(eu-west-1\):\n {2}rtb-\w+ 10\.10\.0\.0\/16 -> tgw-\w+\n/,
    );
    expect(counter.writes()).toEqual([]);
    // The transit gateway route may still be created: only CreateRoute is denied.
    expect(
      counter.calls.filter(call => call.operation.endsWith('(dry run)')),
    ).toHaveLength(5);
    expect(await state()).toEqual(before);
  });
});
