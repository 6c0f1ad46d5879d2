import {
  FailAwsCall,
  placementOf,
  Sandbox,
  SANDBOX_ACCOUNTS,
  SANDBOX_REGION,
  startSandbox,
} from '@internal/aws-sandbox';
import { auditEvents } from '../__testUtils__/auditEvents';
import { countedContext } from '../__testUtils__/countedContext';
import { runAction, RunOptions } from '../__testUtils__/runAction';
import {
  createInternalApiActions,
  DEREGISTER_ROUTES_ACTION_ID,
  REGISTER_ROUTES_ACTION_ID,
} from '../actions';

const USER = 'user:default/jane.doe'; // runAction's initiator
const { network, orders } = SANDBOX_ACCOUNTS;

/**
 * The route actions as the module installs them (createInternalApiActions:
 * refusals audited too) against moto, each run with its own mock auditor.
 * The audit events are compared with the AWS writes the run really made.
 */
describe('audit events of the route actions', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  }, 60_000);
  afterAll(() => sandbox?.stop());

  function run(
    actionId: string,
    input: Record<string, unknown>,
    options: RunOptions & { failCall?: FailAwsCall } = {},
  ) {
    const { counter, ...context } = countedContext(sandbox.landscape, options);
    // The initiator the AWS sessions are named after (credentials.test.ts in the node package).
    const withClients = jest.spyOn(context.aws, 'withClients');
    const action = createInternalApiActions(context).find(
      a => a.id === actionId,
    )!;
    const { accountId, region, vpcId, subnets } = placementOf(
      sandbox.landscape,
      'orders',
    );
    const result = runAction(
      action,
      { accountId, region, vpcId, subnets, ...input },
      options,
    );
    return {
      result,
      counter,
      withClients,
      events: () => auditEvents(context.auditor),
    };
  }

  it('emits nothing for a dry-run or planOnly: they write nothing', async () => {
    const consumers = ['customer-api', 'partner-api'];
    for (const options of [{ isDryRun: true }, {}]) {
      const input = { consumers, planOnly: !options.isDryRun };
      const { result, counter, events, withClients } = run(
        REGISTER_ROUTES_ACTION_ID,
        input,
        options,
      );
      const { routes } = await result;

      expect(withClients).toHaveBeenCalledWith(USER, expect.any(Function));
      expect(routes).toHaveLength(9);
      expect(counter.writes()).toEqual([]);
      expect(await events()).toEqual([]);
    }
  });

  it.each([[false], [true]])(
    'emits one refusal and no write event for a consumer not in config (dry-run: %s)',
    async isDryRun => {
      const { result, counter, events } = run(
        REGISTER_ROUTES_ACTION_ID,
        { consumers: ['customer-api', 'nobody'] },
        { isDryRun },
      );
      await expect(result).rejects.toThrow(/'nobody' not configured/);

      expect(counter.writes()).toEqual([]);
      const [refusal, ...others] = await events();
      expect(others).toEqual([]);
      expect(refusal).toMatchObject({
        eventId: 'internal-api-refusal',
        severityLevel: 'low',
        status: 'failed',
        meta: {
          initiator: USER,
          taskId: expect.any(String),
          actionId: REGISTER_ROUTES_ACTION_ID,
          accountId: orders,
          region: SANDBOX_REGION,
          dryRun: isDryRun,
          refusal: 'InputError',
          message: expect.stringContaining(
            "consumers: 'nobody' not configured",
          ),
        },
        error: { name: 'InputError' },
      });
    },
  );

  it('reports a write refused halfway once, as the failed write (not also as a refusal)', async () => {
    // EC2 answers that the destination is taken, yet no route is there: the write refuses (InputError).
    const taken: FailAwsCall = call =>
      call.write
        ? Object.assign(new Error('The route already exists.'), {
            name: 'RouteAlreadyExists',
          })
        : undefined;
    const { result, events, counter } = run(
      REGISTER_ROUTES_ACTION_ID,
      { consumers: ['customer-api'] },
      { failCall: taken },
    );
    await expect(result).rejects.toThrow(/it changed while the task ran/);

    // The writes go out at once: each refuses, and each refusal is its own write's event, once.
    const recorded = await events();
    expect(recorded.map(e => [e.eventId, e.status])).toEqual(
      counter.writes().map(() => ['internal-api-route-write', 'failed']),
    );
    expect(recorded).toHaveLength(5);
    for (const event of recorded) {
      expect(event.error).toMatchObject({ name: 'InputError' });
    }
  });

  it('emits one event per route written, and on the retry of a failed write only for the writes it makes', async () => {
    const checkpoints = new Map<string, unknown>();
    let writes = 0;
    const failThirdWrite: FailAwsCall = call =>
      call.write && ++writes === 3
        ? Object.assign(new Error('Route limit exceeded'), {
            name: 'RouteLimitExceeded',
          })
        : undefined;
    const failed = run(
      REGISTER_ROUTES_ACTION_ID,
      { consumers: ['partner-api'] },
      { checkpoints, failCall: failThirdWrite },
    );
    await expect(failed.result).rejects.toThrow(/^Route limit exceeded/);
    const firstEvents = await failed.events();
    // Not a refusal: the failed write's own event reports it. The writes go out at once, so the
    // other four are made (and audited) all the same.
    expect(firstEvents.map(e => [e.eventId, e.status])).toEqual([
      ['internal-api-route-write', 'succeeded'],
      ['internal-api-route-write', 'succeeded'],
      ['internal-api-route-write', 'failed'],
      ['internal-api-route-write', 'succeeded'],
      ['internal-api-route-write', 'succeeded'],
    ]);
    expect(firstEvents[2].error).toMatchObject({ name: 'RouteLimitExceeded' });
    expect(failed.counter.writes()).toHaveLength(5);

    const retry = run(
      REGISTER_ROUTES_ACTION_ID,
      { consumers: ['partner-api'] },
      { checkpoints },
    );
    const { routes } = await retry.result;
    const retryEvents = await retry.events();
    expect(retryEvents.map(e => e.status)).toEqual(['succeeded']);
    expect(retry.counter.writes()).toHaveLength(1);

    // Over both runs: each of the 5 routes created exactly once, so audited as a success once.
    const audited = [...firstEvents, ...retryEvents]
      .filter(e => e.status === 'succeeded')
      .map(
        e =>
          `${e.meta.resource.routeTableId} ${e.meta.resource.destinationCidrBlock}`,
      )
      .sort();
    expect(audited).toEqual(
      routes
        .map(
          (r: { routeTableId: string; destinationCidrBlock: string }) =>
            `${r.routeTableId} ${r.destinationCidrBlock}`,
        )
        .sort(),
    );
    // Both runs are one task: the same task id.
    expect(new Set(retryEvents.map(e => e.meta.taskId))).toEqual(
      new Set([firstEvents[0].meta.taskId]),
    );
    const tgwRoute = [...firstEvents, ...retryEvents].find(
      e => e.meta.operation === 'CreateTransitGatewayRoute',
    );
    expect(tgwRoute).toEqual({
      eventId: 'internal-api-route-write',
      severityLevel: 'medium',
      status: 'succeeded',
      meta: {
        initiator: USER,
        taskId: firstEvents[0].meta.taskId,
        templateRef: null,
        actionId: REGISTER_ROUTES_ACTION_ID,
        accountId: network,
        region: SANDBOX_REGION,
        resource: {
          kind: 'transit-gateway',
          routeTableId:
            sandbox.landscape.config.internalApi.transitGateway.routeTableId,
          destinationCidrBlock: '10.10.0.0/16',
          target: sandbox.landscape.vpcs.orders.attachmentId,
        },
        change: 'create',
        operation: 'CreateTransitGatewayRoute',
        result: 'created',
      },
    });

    // Deregistering removes the VPC routes: one delete event for each.
    const removal = run(DEREGISTER_ROUTES_ACTION_ID, {
      consumers: ['partner-api'],
    });
    await removal.result;
    const removals = await removal.events();
    expect(removals).toHaveLength(4);
    expect(removal.counter.writes()).toHaveLength(4);
    expect(removals.map(e => e.meta)).toEqual(
      Array(4).fill(
        expect.objectContaining({
          actionId: DEREGISTER_ROUTES_ACTION_ID,
          change: 'delete',
          operation: 'DeleteRoute',
          result: 'removed',
          resource: expect.objectContaining({ vpcId: expect.any(String) }),
        }),
      ),
    );

    // The first task once more: its checkpoints hold the four routes, so it
    // writes none of them again (the scaffolder replays the results), and
    // audits none: an event would claim a write that was not made.
    const replay = run(
      REGISTER_ROUTES_ACTION_ID,
      { consumers: ['partner-api'] },
      { checkpoints },
    );
    await replay.result;
    expect(replay.counter.writes()).toEqual([]);
    expect(await replay.events()).toEqual([]);
  });
});
