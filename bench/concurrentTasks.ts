/**
 * 20 scaffolder tasks at once, for 20 different APIs in one VPC, on one
 * backend replica and on two replicas sharing one PostgreSQL (the harness the
 * replica e2e test uses). Each variant starts its own sandbox and stops it.
 * Task times are the scaffolder's own timestamps (the task's `createdAt`, its
 * first event, its completion event), not our polling, which only sees a
 * task's end to within 500 ms.
 */
import type { BackendApi, TaskEvent } from '@internal/aws-sandbox';
import {
  ReplicatedSandbox,
  runTask,
  startReplicatedSandbox,
} from '@internal/e2e';
import { ordersApiNamed } from '@internal/template-internal-fargate-api';
import { stripVTControlCharacters } from 'node:util';
import { Benchmark, elapsedMs, row } from './measure';

const TEMPLATE = 'template:default/internal-fargate-api';
const TASKS = 20;
// Backstage's TaskWorker default; app-config.yaml does not set `scaffolder.concurrentTasksLimit`.
const CONCURRENT_TASKS_LIMIT = 10;

/** Nearest rank: the smallest value with at least `p` of the values at or below it. */
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.ceil(p * values.length) - 1];

interface TaskTiming {
  id: string;
  status: string;
  /** Created (POST answered) to completion event. */
  totalMs: number;
  /** Created to the first step's first log line: waiting for a worker to claim it. */
  queuedMs: number;
}

/** The REST API's events carry their time; `TaskEvent` leaves it out. */
type TimedEvent = TaskEvent & { createdAt: string };

async function timingOf(
  api: BackendApi,
  id: string,
  status: string,
  events: TaskEvent[],
): Promise<TaskTiming> {
  const task = await api.get(`/api/scaffolder/v2/tasks/${id}`);
  const created = Date.parse(task.body.createdAt);
  const timed = events as TimedEvent[];
  const at = (event?: TimedEvent) =>
    event ? Date.parse(event.createdAt) : NaN;
  return {
    id,
    status,
    totalMs: at(timed[timed.length - 1]) - created,
    queuedMs: at(timed.find(event => event.type === 'log')) - created,
  };
}

/**
 * Which replica ran each task: the worker that claims a task writes the
 * scaffolder's `scaffolder.task` audit event with `actionType: execution` and
 * the task id to its own log (the replica that took the POST writes a
 * `create` event, not this one).
 */
function runnerOf(sandbox: ReplicatedSandbox, taskId: string): string {
  const runners = [...sandbox.replicas.values()].filter(replica =>
    replica.backend
      .output()
      .split('\n')
      .some(
        line =>
          line.includes(taskId) && line.includes('"actionType":"execution"'),
      ),
  );
  return runners.map(replica => replica.name).join('+') || '?';
}

interface VariantResult {
  replicas: string[];
  wallMs: number;
  tasks: TaskTiming[];
  tasksBy: Map<string, number>;
  calls: number;
  callsBy: Map<string, { calls: number; writes: number }>;
  errorLines: number;
}

async function measureVariant(replicas: string[]): Promise<VariantResult> {
  const sandbox = await startReplicatedSandbox(
    `bench-concurrent-${replicas.length}`,
    { replicas },
  );
  try {
    const apiOf = (index: number) =>
      sandbox.replicas.get(replicas[index % replicas.length])!.api;
    // One task through each replica first, not counted: the first API in the VPC writes the
    // routes the 20 then find in place, and each process loads its SDK clients and template once.
    for (const [index, name] of replicas.entries()) {
      const warmUp = await runTask(
        apiOf(index),
        TEMPLATE,
        ordersApiNamed(`warm-${name}`),
      );
      if (warmUp.status !== 'completed') {
        throw new Error(`Warm-up task through ${name} ended ${warmUp.status}`);
      }
    }
    sandbox.proxy.clear();

    const names = Array.from(
      { length: TASKS },
      (_, index) => `load-${String(index + 1).padStart(2, '0')}`,
    );
    let results: Awaited<ReturnType<typeof runTask>>[] = [];
    const wallMs = await elapsedMs(async () => {
      // Created alternately through each replica's API, all at once.
      results = await Promise.all(
        names.map((name, index) =>
          runTask(apiOf(index), TEMPLATE, ordersApiNamed(name)),
        ),
      );
    });
    const calls = sandbox.proxy.calls().length;

    const tasks = await Promise.all(
      results.map(result =>
        timingOf(apiOf(0), result.id, result.status, result.events),
      ),
    );
    const tasksBy = new Map<string, number>();
    for (const task of tasks) {
      const runner = runnerOf(sandbox, task.id);
      tasksBy.set(runner, (tasksBy.get(runner) ?? 0) + 1);
    }
    const callsBy = new Map(
      replicas.map(name => {
        const viaReplica = sandbox.proxy.calls(name);
        return [
          name,
          {
            calls: viaReplica.length,
            writes: viaReplica.filter(call => call.write).length,
          },
        ];
      }),
    );
    // Backstage's development log format: `<time> <plugin> error <message>`.
    const errorLines = [...sandbox.replicas.values()]
      .flatMap(replica => replica.backend.output().split('\n'))
      .map(line => stripVTControlCharacters(line))
      .filter(line => /^\S+ \S+ error /.test(line)).length;
    return { replicas, wallMs, tasks, tasksBy, calls, callsBy, errorLines };
  } finally {
    await sandbox.stop();
  }
}

function rowsOf(result: VariantResult): string[] {
  const label = result.replicas.length === 1 ? 'one replica' : 'two replicas';
  const totals = result.tasks.map(task => task.totalMs);
  const queued = result.tasks.map(task => task.queuedMs);
  const failed = result.tasks.filter(task => task.status !== 'completed');
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return [
    row(
      `${TASKS} tasks, ${label}: wall time`,
      seconds(result.wallMs),
      'first POST to the last task seen completed (polled every 500 ms); after one untimed warm-up task per replica',
    ),
    row(
      `${TASKS} tasks, ${label}: throughput`,
      `${((TASKS / result.wallMs) * 60_000).toFixed(1)} tasks/min`,
      `${TASKS} / wall time`,
    ),
    row(
      `${TASKS} tasks, ${label}: task time p50 / p95`,
      `${seconds(percentile(totals, 0.5))} / ${seconds(
        percentile(totals, 0.95),
      )}`,
      `task createdAt to its completion event (scaffolder timestamps), nearest rank; waiting for a worker p50 / p95 ${seconds(
        percentile(queued, 0.5),
      )} / ${seconds(percentile(queued, 0.95))}`,
    ),
    row(
      `${TASKS} tasks, ${label}: tasks run by`,
      [...result.tasksBy]
        .sort()
        .map(([name, count]) => `${name}: ${count}`)
        .join(', '),
      `the replica whose log has the task's execution audit event; AWS calls (writes) per replica: ${[
        ...result.callsBy,
      ]
        .map(([name, { calls, writes }]) => `${name} ${calls} (${writes})`)
        .join(', ')}`,
    ),
    row(
      `${TASKS} tasks, ${label}: AWS calls`,
      String(result.calls),
      `all replicas, through the recording proxy; ${(
        result.calls / TASKS
      ).toFixed(1)} per task`,
    ),
    row(
      `${TASKS} tasks, ${label}: failed tasks`,
      String(failed.length),
      `error-level lines in the backends' output: ${result.errorLines}; scaffolder.concurrentTasksLimit ${CONCURRENT_TASKS_LIMIT} per replica (the default)`,
    ),
  ];
}

export const concurrentTasks: Benchmark = {
  name: 'concurrent',
  title: `${TASKS} concurrent tasks on two replicas vs one`,
  async run() {
    // One after the other: the variants would otherwise share the cores and moto.
    const one = await measureVariant(['a']);
    const two = await measureVariant(['a', 'b']);
    const failed = [...one.tasks, ...two.tasks].filter(
      task => task.status !== 'completed',
    );
    if (process.env.BENCH_VERBOSE) {
      console.error(JSON.stringify({ one: one.tasks, two: two.tasks }));
    }
    return [
      ...rowsOf(one),
      ...rowsOf(two),
      row(
        'throughput two / one',
        (one.wallMs / two.wallMs).toFixed(2),
        `same run${
          failed.length
            ? `; FAILED: ${failed.map(task => task.id).join(', ')}`
            : ''
        }`,
      ),
    ];
  },
};
