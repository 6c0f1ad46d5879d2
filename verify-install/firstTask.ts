/**
 * §8 of docs/install.md on the fresh app: the sandbox's AWS side from this
 * repository, the app's backend started with the guide's command, and one
 * real task created through the scaffolder's HTTP API, then what it made read
 * back from the emulator.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  addedLines,
  backendApi,
  BackendApi,
  Landscape,
  landscapeState,
  MotoServer,
  runTask,
  SANDBOX_ACCOUNTS,
  SANDBOX_AWS_READY,
  TaskResult,
  waitForEntity,
} from '@internal/aws-sandbox';
import { ORDERS_API } from '@internal/template-internal-fargate-api';
import type { Toolchain } from './freshApp';
import { InstallStep, installStep } from './installGuide';
import { repoRoot } from './packPackages';

const BACKEND_URL = 'http://localhost:7007';

/** A process in its own group, its output in `log`; `stop` ends the group. */
function startProcess(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; log: string },
) {
  const log = fs.openSync(options.log, 'w');
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', log, log],
  });
  return {
    child,
    output: () => fs.readFileSync(options.log, 'utf8'),
    stop: () => stopGroup(child),
  };
}

function stopGroup(child: ChildProcess) {
  return new Promise<void>(resolve => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    child.once('exit', () => resolve());
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      resolve();
    }
  });
}

async function waitFor<T>(
  what: string,
  attempt: () => Promise<T | undefined>,
  timeoutMs: number,
  output: () => string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await attempt().catch(() => undefined);
    if (result !== undefined) {
      return result;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${what} not within ${timeoutMs / 1000} s; its output ends:\n${output()
          .split('\n')
          .slice(-40)
          .join('\n')}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}

/** Guest sign-in as Sam, once the catalog has read Sam's team (ownership comes from it). */
async function signInAsSam(): Promise<BackendApi | undefined> {
  const response = await fetch(`${BACKEND_URL}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  if (!response.ok) {
    return undefined;
  }
  const { backstageIdentity } = await response.json();
  return backstageIdentity.identity.ownershipEntityRefs.includes(
    'group:default/orders-team',
  )
    ? backendApi(BACKEND_URL, `Bearer ${backstageIdentity.token}`)
    : undefined;
}

export interface FirstTask {
  /** Seconds from starting the backend until Sam could sign in and the template was in the catalog. */
  backendReadySeconds: number;
  taskSeconds: number;
  task: TaskResult;
  /** What the task added in the emulator, per zone / VPC. */
  added: {
    hostedZones: Record<string, string[]>;
    vpcRoutes: Record<string, string[]>;
    transitGatewayRoutes: string[];
  };
}

export async function runFirstTask(
  app: string,
  toolchain: Toolchain,
  steps: Map<string, InstallStep>,
  logs: string,
): Promise<FirstTask> {
  const sandboxDir = path.join(app, '.internal-api-sandbox');
  const sandbox = startProcess(
    'npm',
    ['run', 'sandbox:aws', '--', '--dir', sandboxDir],
    {
      cwd: repoRoot,
      env: process.env,
      log: path.join(logs, 'sandbox-aws.log'),
    },
  );
  let backend: ReturnType<typeof startProcess> | undefined;
  try {
    const endpoint = await waitFor(
      'The sandbox',
      async () =>
        new RegExp(`${SANDBOX_AWS_READY} AWS_ENDPOINT_URL=(\\S+)`).exec(
          sandbox.output(),
        )?.[1],
      120_000,
      sandbox.output,
    );
    const { motoEndpoint, landscape } = JSON.parse(
      fs.readFileSync(path.join(sandboxDir, 'landscape.json'), 'utf8'),
    ) as { motoEndpoint: string; landscape: Landscape };
    const moto = { endpoint: motoEndpoint } as MotoServer;
    const before = await landscapeState(moto, landscape);

    const command = installStep(steps, 'start-backend').code.replace(
      'AWS_ENDPOINT_URL=…',
      `AWS_ENDPOINT_URL=${endpoint}`,
    );
    const started = Date.now();
    backend = startProcess('bash', ['-c', command], {
      cwd: app,
      env: toolchain.env,
      log: path.join(logs, 'backend.log'),
    });
    const api = await waitFor(
      'Sign-in as Sam',
      signInAsSam,
      300_000,
      backend.output,
    );
    await waitForEntity(api, 'template', 'internal-fargate-api');
    const backendReadySeconds = (Date.now() - started) / 1000;

    const taskStarted = Date.now();
    const task = await runTask(
      api,
      'template:default/internal-fargate-api',
      ORDERS_API,
    );
    const taskSeconds = (Date.now() - taskStarted) / 1000;
    if (task.status !== 'completed') {
      throw new Error(
        `The task ${task.status}: ${JSON.stringify(task.failure, null, 2)}`,
      );
    }
    await waitForEntity(api, 'component', ORDERS_API.name);
    const after = await landscapeState(moto, landscape);
    const added = {
      hostedZones: addedLines(before.hostedZones, after.hostedZones),
      vpcRoutes: addedLines(before.vpcRoutes, after.vpcRoutes),
      transitGatewayRoutes: after.transitGatewayRoutes.filter(
        route => !before.transitGatewayRoutes.includes(route),
      ),
    };
    checkWhatTheTaskMade(added);
    return { backendReadySeconds, taskSeconds, task, added };
  } finally {
    await backend?.stop();
    await sandbox.stop();
  }
}

/** The Orders API's delegation and routes, as the sandbox flow test expects them. */
function checkWhatTheTaskMade(added: FirstTask['added']) {
  const childZone =
    added.hostedZones[`${SANDBOX_ACCOUNTS.orders} orders.api.acme.com.`] ?? [];
  const delegation =
    added.hostedZones[`${SANDBOX_ACCOUNTS.dns} acme.com.`] ?? [];
  const problems = [
    childZone.some(line => line.startsWith('orders.api.acme.com. NS '))
      ? undefined
      : 'no zone orders.api.acme.com. with its NS record in the Orders account',
    delegation.length === 1 &&
    delegation[0].startsWith('orders.api.acme.com. NS ')
      ? undefined
      : `acme.com. should have gained one NS record, gained ${JSON.stringify(
          delegation,
        )}`,
    (added.vpcRoutes.orders ?? []).length > 0 &&
    (added.vpcRoutes.orders ?? []).every(line =>
      line.includes(' 10.40.0.0/16 '),
    )
      ? undefined
      : `the Orders VPC's route tables should route 10.40.0.0/16 (customer-api): ${JSON.stringify(
          added.vpcRoutes.orders,
        )}`,
    (added.vpcRoutes.customer ?? []).length > 0 &&
    (added.vpcRoutes.customer ?? []).every(line =>
      line.includes(' 10.10.0.0/16 '),
    )
      ? undefined
      : `the customer VPC's route tables should route 10.10.0.0/16 (the API): ${JSON.stringify(
          added.vpcRoutes.customer,
        )}`,
    added.transitGatewayRoutes.includes('10.10.0.0/16 active')
      ? undefined
      : `the transit gateway route table should route 10.10.0.0/16: ${JSON.stringify(
          added.transitGatewayRoutes,
        )}`,
  ].filter(Boolean);
  if (problems.length > 0) {
    throw new Error(`The task completed, but ${problems.join('; ')}`);
  }
}
