import {
  addedLines,
  landscapeState,
  placementOf,
  Sandbox,
  startSandbox,
} from '@internal/aws-sandbox';
import { countedContext } from '../__testUtils__/countedContext';
import { runAction, RunOptions } from '../__testUtils__/runAction';
import { createRegisterRoutesAction } from './registerRoutes';

const TASKS = 20;

// Twenty APIs in the Orders VPC registered for the same consumer at once:
// every task wants the same routes. EC2 refuses a second route to a
// destination (RouteAlreadyExists); the loser reads the route and counts it
// as present when it leads where it should, so no task fails on the race.
describe('internal-api:tgw:register-routes, many tasks at once', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  }, 60_000);
  afterAll(() => sandbox?.stop());

  const register = (apiIndex: number, options: RunOptions = {}) => {
    const { counter: _counter, ...context } = countedContext(sandbox.landscape);
    return runAction(
      createRegisterRoutesAction(context),
      {
        ...placementOf(sandbox.landscape, 'orders'),
        consumers: ['customer-api'],
        domainName: `api-${apiIndex}.acme.com`,
      },
      options,
    );
  };
  const routeKey = (route: {
    routeTableId: string;
    destinationCidrBlock: string;
  }) => `${route.routeTableId} ${route.destinationCidrBlock}`;

  it(`all ${TASKS} complete; each route exists once and was created by one task`, async () => {
    const before = await landscapeState(sandbox.moto, sandbox.landscape);
    const { routes: planned } = await register(0, { isDryRun: true });
    const vpcRoutes = planned.filter(
      (r: { kind: string }) => r.kind !== 'transit-gateway',
    );

    sandbox.proxy.clear();
    const started = Date.now();
    const settled = await Promise.allSettled(
      Array.from({ length: TASKS }, (_, i) => register(i + 1)),
    );
    const elapsedMs = Date.now() - started;
    // The race happened: the tasks sent more creates than there are routes (the others were refused).
    const creates = (operation: string) =>
      sandbox.proxy
        .calls()
        .filter(call => call.operation === operation && call.write).length;
    expect(creates('CreateRoute')).toBeGreaterThan(vpcRoutes.length);
    expect(creates('CreateTransitGatewayRoute')).toBeGreaterThan(1);
    const failures = settled.flatMap(s =>
      s.status === 'rejected' ? [String(s.reason)] : [],
    );
    expect(failures).toEqual([]);

    const after = await landscapeState(sandbox.moto, sandbox.landscape);
    const added = Object.values(addedLines(before.vpcRoutes, after.vpcRoutes))
      .flat()
      .map(line => line.split(' ').slice(0, 2).join(' '))
      .sort();
    expect(added).toEqual(vpcRoutes.map(routeKey).sort());
    expect(
      addedLines(
        { tgw: before.transitGatewayRoutes },
        { tgw: after.transitGatewayRoutes },
      ).tgw,
    ).toEqual(['10.10.0.0/16 active']);

    // Each route: one task created it, every other one found it present.
    const outputs = settled.map(
      s => (s as PromiseFulfilledResult<Record<string, any>>).value,
    );
    for (const route of planned) {
      const statuses = outputs.map(
        output =>
          output.routes.find(
            (r: typeof route) =>
              routeKey(r) === routeKey(route) && r.kind === route.kind,
          ).status,
      );
      expect({
        route: routeKey(route),
        created: statuses.filter(s => s === 'created').length,
      }).toEqual({
        route: routeKey(route),
        created: 1,
      });
      expect(
        statuses
          .filter(s => s !== 'created')
          .every(s => s === 'already-present'),
      ).toBe(true);
    }
    // eslint-disable-next-line no-console
    console.info(
      `${TASKS} register-routes tasks at once: ${elapsedMs} ms, ${creates(
        'CreateRoute',
      )} CreateRoute and ` +
        `${creates(
          'CreateTransitGatewayRoute',
        )} CreateTransitGatewayRoute calls for ${vpcRoutes.length} + 1 routes`,
    );
  }, 60_000);
});
