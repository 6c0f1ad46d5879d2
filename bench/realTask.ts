/**
 * A real scaffolder task end to end on the sandbox, through the backend's
 * REST API as the app creates it: placement, plans, DNS delegation, render,
 * local git publish, routes, catalog registration. AWS calls are counted by
 * the recording proxy between the backend and moto.
 */
import type { RecordedCall } from '@internal/aws-sandbox';
import { runTask, startSandboxBackend } from '@internal/e2e';
import { ORDERS_API } from '@internal/template-internal-fargate-api';
import { Benchmark, elapsedMs, median, row, runsOr } from './measure';

const TEMPLATE = 'template:default/internal-fargate-api';

const describeCalls = (calls: RecordedCall[]) => {
  const writes = calls.filter(call => call.write);
  const byOperation = new Map<string, number>();
  for (const { operation } of writes) {
    byOperation.set(operation, (byOperation.get(operation) ?? 0) + 1);
  }
  return `${calls.length} AWS calls, ${writes.length} writes (${[...byOperation]
    .map(([operation, count]) => `${count} ${operation}`)
    .join(', ')})`;
};

async function measureTasks(runs: number) {
  const sandbox = await startSandboxBackend('bench-real-task');
  try {
    const run = async (values: typeof ORDERS_API) => {
      sandbox.proxy.clear();
      let status = '';
      const ms = await elapsedMs(async () => {
        ({ status } = await runTask(sandbox.api, TEMPLATE, values));
      });
      if (status !== 'completed') {
        throw new Error(`Task for ${values.name} ended ${status}`);
      }
      return { ms, calls: sandbox.proxy.calls() };
    };

    // The first API in the VPC writes everything; later ones find the routes in place.
    const first = await run(ORDERS_API);
    const later = [];
    for (let i = 1; i <= runs; i++) {
      const name = `orders-api-${i}`;
      later.push(
        await run({
          ...ORDERS_API,
          name,
          domainName: `orders-${i}.api.acme.com`,
          repoUrl: `github.com?owner=acme&repo=${name}`,
        }),
      );
    }
    return { first, later };
  } finally {
    await sandbox.stop();
  }
}

export const realTask: Benchmark = {
  name: 'task',
  title: 'Real task end to end on the sandbox',
  async run() {
    const runs = runsOr(5);
    const { first, later } = await measureTasks(runs);
    return [
      row(
        'first API in a VPC (creates zone, NS, 5 routes)',
        `${first.ms.toFixed(0)} ms`,
        describeCalls(first.calls),
      ),
      row(
        'next API in the same VPC (routes exist)',
        `${median(later.map(task => task.ms)).toFixed(0)} ms`,
        `p50 of ${runs}; ${describeCalls(later[0].calls)}`,
      ),
    ];
  },
};
