/**
 * Planning route registration (the template's `checkRoutes` step: the
 * register-routes action with planOnly) against moto, for a consumer VPC with
 * 1, 10 and 50 route tables: how many AWS calls a plan makes, and how long it
 * takes once credentials are cached, as in a running backend.
 */
import { ConfigReader } from '@backstage/config';
import {
  addConsumerVpc,
  countAwsCalls,
  placementOf,
  SANDBOX_ACCOUNTS,
  startSandbox,
} from '@internal/aws-sandbox';
import { createInternalApiContext } from '@internal/plugin-internal-api-node';
import { createRegisterRoutesAction } from '@internal/plugin-scaffolder-backend-module-internal-api';
import {
  Benchmark,
  elapsedMs,
  median,
  row,
  runsOr,
  silentAuditor,
  silentLogger,
} from './measure';
import { benchAccess, runActionHandler } from './runAction';

const TABLE_COUNTS = [1, 10, 50];

async function measureRoutePlanning(runs: number) {
  // The seeded sandbox landscape; sets AWS_ENDPOINT_URL and AWS_REGION for
  // this process until stop().
  const sandbox = await startSandbox();
  try {
    let landscape = sandbox.landscape;
    for (const tables of TABLE_COUNTS) {
      landscape = await addConsumerVpc(sandbox.moto, landscape, {
        name: `wide-${tables}`,
        accountId: SANDBOX_ACCOUNTS.customer,
        cidr: `10.${70 + tables}.0.0/16`,
        routeTables: tables,
      });
    }
    const counter = countAwsCalls();
    const context = createInternalApiContext({
      config: new ConfigReader(landscape.config),
      logger: silentLogger,
      aws: { clientConfig: { maxAttempts: 1 }, onClient: counter.onClient },
    });
    const action = createRegisterRoutesAction({
      ...context,
      ...benchAccess(context.internalApi),
      auditor: silentAuditor,
    });
    const placement = placementOf(landscape, 'orders');

    const plan = async (tables: number) => {
      counter.clear();
      const outputs = await runActionHandler(action, {
        ...placement,
        consumers: [`wide-${tables}`],
        planOnly: true,
      });
      const writes = counter.writes();
      const planned = outputs.routes.filter(
        (route: { status: string }) => route.status === 'planned',
      );
      // One route per consumer table a subnet uses (all but the main one, unless it
      // is the only one), three provider return routes and the transit gateway
      // route (the landscape is fresh); nothing written.
      if (writes.length > 0 || planned.length !== Math.max(1, tables - 1) + 4) {
        throw new Error(
          `Plan for ${tables} tables: ${
            planned.length
          } routes planned, writes: ${writes
            .map(call => call.operation)
            .join(', ')}`,
        );
      }
      const dryRuns = counter.calls.filter(call =>
        call.operation.endsWith('(dry run)'),
      ).length;
      return { reads: counter.calls.length - dryRuns, dryRuns };
    };

    const results = new Map(
      TABLE_COUNTS.map(tables => [
        tables,
        { calls: { reads: 0, dryRuns: 0 }, ms: [] as number[] },
      ]),
    );
    // The first plan per size assumes roles and warms the clients: not timed.
    for (const tables of TABLE_COUNTS) {
      await plan(tables);
    }
    // Sizes alternate so that machine noise spreads over all three.
    for (let i = 0; i < runs; i++) {
      for (const tables of TABLE_COUNTS) {
        const result = results.get(tables)!;
        result.ms.push(
          await elapsedMs(async () => {
            result.calls = await plan(tables);
          }),
        );
      }
    }
    return TABLE_COUNTS.map(tables => ({
      tables,
      calls: results.get(tables)!.calls,
      p50Ms: median(results.get(tables)!.ms),
    }));
  } finally {
    await sandbox.stop();
  }
}

export const routePlanning: Benchmark = {
  name: 'routes',
  title: 'Route planning: 1, 10 and 50 consumer route tables',
  async run() {
    const runs = runsOr(5);
    const results = await measureRoutePlanning(runs);
    return results.flatMap(({ tables, calls, p50Ms }) => [
      row(
        `describe calls, ${tables} consumer route table${
          tables > 1 ? 's' : ''
        }`,
        String(calls.reads),
        `per plan, writes 0; plus ${calls.dryRuns} permission dry runs (one per planned write)`,
      ),
      row(
        `plan time, ${tables} consumer route table${tables > 1 ? 's' : ''}`,
        `${p50Ms.toFixed(0)} ms`,
        `p50 of ${runs}, against moto`,
      ),
    ]);
  },
};
