/**
 * A real task end to end (as realTask.ts) with the recording proxy answering
 * as slowly as AWS (aws-sandbox's awsLatency.ts: a delay per call and service,
 * Route 53 changes PENDING for 30 s): what a user on AWS would wait for. From
 * the proxy's request log, per task: the AWS calls, the critical path (the
 * most calls made one after another, see criticalPath.ts) and the calls on
 * it, and how long the delegation waited for its NS change to be INSYNC.
 */
import {
  AWS_CALL_MS,
  AwsRequest,
  criticalPath,
  ROUTE53_PENDING_MS,
} from '@internal/aws-sandbox';
import {
  runTask,
  startSandboxBackend,
  TaskEvent,
  TaskResult,
} from '@internal/e2e';
import { ORDERS_API } from '@internal/template-internal-fargate-api';
import { Benchmark, elapsedMs, median, row, runsOr } from './measure';

const TEMPLATE = 'template:default/internal-fargate-api';

interface StepTime {
  stepId: string;
  startedAt: number;
  endedAt: number;
}

/**
 * Each step's first and last log event (the scaffolder's "Beginning" and
 * "Finished" lines), in order. The scaffolder stores event times in whole
 * seconds, so these are too.
 */
function stepTimes(task: TaskResult): StepTime[] {
  const steps = new Map<string, StepTime>();
  for (const event of task.events as (TaskEvent & { createdAt: string })[]) {
    const { stepId } = event.body;
    if (event.type !== 'log' || !stepId) {
      continue;
    }
    const at = Date.parse(event.createdAt);
    const step = steps.get(stepId);
    if (step) {
      step.endedAt = at;
    } else {
      steps.set(stepId, { stepId, startedAt: at, endedAt: at });
    }
  }
  return [...steps.values()].sort((a, b) => a.startedAt - b.startedAt);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** `A, B ×3, C`: operations in order, repeats folded. */
function inOrder(requests: AwsRequest[]): string {
  const runs: [string, number][] = [];
  for (const { operation } of requests) {
    const last = runs[runs.length - 1];
    if (last?.[0] === operation) {
      last[1]++;
    } else {
      runs.push([operation, 1]);
    }
  }
  return runs
    .map(([operation, count]) =>
      count > 1 ? `${operation} ×${count}` : operation,
    )
    .join(', ');
}

/**
 * The NS record's change (the delegation's ChangeResourceRecordSets) and the
 * GetChange polls after it: how long the task waited for Route 53.
 */
function route53Wait(requests: AwsRequest[]) {
  const change = requests.find(
    request =>
      request.operation === 'ChangeResourceRecordSets' &&
      /<Type>NS<\/Type>/.test(request.body),
  );
  if (!change?.endedAt) {
    return undefined;
  }
  const polls = requests.filter(
    request =>
      request.operation === 'GetChange' &&
      request.startedAt! >= change.endedAt!,
  );
  return {
    polls: polls.length,
    // No poll: the task did not wait (the create path reports the change PENDING, issue 21).
    untilInsyncMs:
      polls.length === 0
        ? 0
        : Math.max(...polls.map(poll => poll.endedAt!)) - change.endedAt,
  };
}

function describeTask(requests: AwsRequest[], task: TaskResult) {
  const steps = stepTimes(task);
  const path = criticalPath(requests);
  return {
    path,
    wait: route53Wait(requests),
    steps: steps
      .map(step => `${step.stepId} ${seconds(step.endedAt - step.startedAt)}`)
      .join(', '),
    chainInOrder: inOrder(path.chain),
  };
}

async function measureTasks(runs: number) {
  const sandbox = await startSandboxBackend('bench-aws-latency', {
    awsLatency: {},
  });
  try {
    const run = async (values: typeof ORDERS_API) => {
      const before = sandbox.proxy.requests().length;
      let task: TaskResult | undefined;
      const ms = await elapsedMs(async () => {
        task = await runTask(sandbox.api, TEMPLATE, values, 600_000);
      });
      if (task!.status !== 'completed') {
        throw new Error(
          `Task for ${values.name} ended ${
            task!.status
          }: ${task!.failure?.messages.join(' / ')}`,
        );
      }
      const requests = sandbox.proxy.requests().slice(before);
      return { ms, ...describeTask(requests, task!) };
    };

    // The first API in the VPC writes everything; later ones find the routes in place.
    const first = await run(ORDERS_API);
    const later = [];
    for (let i = 1; i <= runs; i++) {
      const name = `orders-api-latency-${i}`;
      later.push(
        await run({
          ...ORDERS_API,
          name,
          domainName: `orders-latency-${i}.api.acme.com`,
          repoUrl: `github.com?owner=acme&repo=${name}`,
        }),
      );
    }
    return { first, later };
  } finally {
    await sandbox.stop();
  }
}

type Measured = Awaited<ReturnType<typeof measureTasks>>['first'];

function rows(what: string, task: Measured, timeNote: string): string[] {
  const { path, wait } = task;
  return [
    row(`${what}: time`, seconds(task.ms), timeNote),
    row(
      `${what}: AWS calls`,
      `${path.totalCalls}`,
      `an AWS call in flight ${seconds(path.busyMs)} of the ${seconds(
        path.wallMs,
      )} from the first call to the last`,
    ),
    row(
      `${what}: critical path`,
      `${path.chain.length} calls`,
      `made one after another, each after the one before had its answer; ${
        path.totalCalls - path.chain.length
      } of the ${path.totalCalls} overlapped another call`,
    ),
    row(
      `${what}: Route 53 change wait`,
      wait ? seconds(wait.untilInsyncMs) : '—',
      !wait
        ? 'no NS change seen'
        : wait.polls === 0
        ? 'no GetChange after the NS ChangeResourceRecordSets: the task did not wait'
        : `the NS ChangeResourceRecordSets' answer to the last GetChange's (${wait.polls} polls, the last INSYNC)`,
    ),
    row(
      `${what}: steps`,
      '',
      `${task.steps} (scaffolder event times, whole seconds)`,
    ),
    row(`${what}: critical path in order`, '', task.chainInOrder),
  ];
}

export const awsLatencyTask: Benchmark = {
  name: 'latency',
  title: 'Real task end to end under the AWS latency model',
  async run() {
    const runs = runsOr(1);
    const { first, later } = await measureTasks(runs);
    const middle = later.find(
      task => task.ms === median(later.map(each => each.ms)),
    )!;
    const model = `${Object.entries(AWS_CALL_MS)
      .map(([service, ms]) => `${service} ${ms} ms`)
      .join(', ')} per call; Route 53 changes PENDING ${seconds(
      ROUTE53_PENDING_MS,
    )}`;
    return [
      ...rows(
        'first API in a VPC',
        first,
        `creates zone, NS, routes; ${model}`,
      ),
      ...rows(
        'next API in the same VPC',
        middle,
        runs > 1 ? `p50 of ${runs} (its calls below)` : 'one run',
      ),
    ];
  },
};
