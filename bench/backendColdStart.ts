/**
 * Backend cold start with and without our scaffolder module: time from spawn
 * until `/.backstage/health/v1/readiness` answers OK, and resident memory of
 * the process tree at that moment. The backend runs as `backstage-cli package
 * start` runs it (node with the CLI's TypeScript transform, in
 * packages/backend, NODE_ENV=development) but spawned directly: the CLI only
 * ever starts src/index.ts and adds a file-watching parent process.
 */
import {
  findFreeLoopbackPort,
  seedLandscape,
  startMotoServer,
} from '@internal/aws-sandbox';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  signInAs,
  stopProcessGroup,
  waitForReadiness,
  writeLoopbackConfig,
} from '@internal/e2e';
import { Benchmark, median, row, runsOr } from './measure';

const backendDir = path.resolve(__dirname, '..', 'packages', 'backend');
const entry = path.join(__dirname, 'backendEntry.ts');
const nodeTransform = require.resolve(
  '@backstage/cli-node/config/nodeTransform.cjs',
);
const OUR_ACTION = 'internal-api:tgw:register-routes';

type Variant = 'with' | 'without';

interface ColdStart {
  readyMs: number;
  rssMiB: number;
}

/** Resident memory (VmRSS) of a process and all its descendants, in MiB. */
function treeRssMiB(rootPid: number): number {
  const children = new Map<number, number[]>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the parenthesised command name: state, then ppid.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let kiB = 0;
  const pending = [rootPid];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      kiB += Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1] ?? 0);
    } catch {
      continue;
    }
    pending.push(...(children.get(pid) ?? []));
  }
  return kiB / 1024;
}

/** The scaffolder's action ids, to check the variant really is with or without our features. */
async function actionIds(baseUrl: string): Promise<string[]> {
  const api = await signInAs(baseUrl);
  const { body } = await api.get('/api/scaffolder/v2/actions');
  return (body as { id: string }[]).map(action => action.id);
}

async function coldStart(
  variant: Variant,
  config: object,
  env: NodeJS.ProcessEnv,
): Promise<ColdStart> {
  const port = await findFreeLoopbackPort();
  const { baseUrl, configFile } = writeLoopbackConfig(port, config);

  const started = process.hrtime.bigint();
  const child = spawn(
    process.execPath,
    [
      '--enable-source-maps',
      '--require',
      nodeTransform,
      entry,
      '--config',
      '../../app-config.yaml',
      '--config',
      '../../app-config.sandbox-people.yaml',
      '--config',
      configFile,
    ],
    {
      cwd: backendDir,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NODE_ENV: 'development',
        ...env,
        BENCH_WITHOUT_INTERNAL_API: variant === 'without' ? '1' : '0',
      },
    },
  );
  let log = '';
  const append = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-6000);
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);

  try {
    // A short poll: the interval bounds how late we notice readiness.
    await waitForReadiness(baseUrl, child, 120_000, 50);
    const readyMs = Number(process.hrtime.bigint() - started) / 1e6;
    const rssMiB = treeRssMiB(child.pid!);

    const hasOurs = (await actionIds(baseUrl)).includes(OUR_ACTION);
    if (hasOurs !== (variant === 'with')) {
      throw new Error(
        `Backend ${variant} our features lists ${OUR_ACTION}: ${hasOurs}`,
      );
    }
    return { readyMs, rssMiB };
  } catch (error) {
    throw new Error(`${(error as Error).message}\nBackend output:\n${log}`);
  } finally {
    await stopProcessGroup(child);
    fs.rmSync(path.dirname(configFile), { recursive: true, force: true });
  }
}

async function measureColdStarts(runs: number) {
  // The module reads its config at startup; moto makes the config a real landscape.
  const moto = await startMotoServer();
  try {
    const { config } = await seedLandscape(moto);
    const env = { AWS_ENDPOINT_URL: moto.endpoint, AWS_REGION: 'eu-west-1' };
    const variants: Variant[] = ['with', 'without'];
    // One start each to warm the file cache and the transform; not counted.
    for (const variant of variants) {
      await coldStart(variant, config, env);
    }
    const results = { with: [] as ColdStart[], without: [] as ColdStart[] };
    for (let i = 0; i < runs; i++) {
      // with, without, without, with, ...: neither always goes first after a stop.
      for (const variant of i % 2 ? [...variants].reverse() : variants) {
        const result = await coldStart(variant, config, env);
        if (process.env.BENCH_VERBOSE) {
          console.error(`cold start ${variant}: ${JSON.stringify(result)}`);
        }
        results[variant].push(result);
      }
    }
    const p50 = (variant: Variant) => ({
      readyMs: median(results[variant].map(r => r.readyMs)),
      rssMiB: median(results[variant].map(r => r.rssMiB)),
    });
    return { with: p50('with'), without: p50('without') };
  } finally {
    await moto.stop();
  }
}

export const backendColdStart: Benchmark = {
  name: 'coldstart',
  title: 'Backend cold start and memory, with and without our features',
  async run() {
    const runs = runsOr(5);
    const p50 = await measureColdStarts(runs);
    const note = `p50 of ${runs}, alternating`;
    return [
      row(
        'spawn to ready, with our features',
        `${(p50.with.readyMs / 1000).toFixed(2)} s`,
        note,
      ),
      row(
        'spawn to ready, without',
        `${(p50.without.readyMs / 1000).toFixed(2)} s`,
        note,
      ),
      row(
        'ratio with / without',
        (p50.with.readyMs / p50.without.readyMs).toFixed(2),
        'same run',
      ),
      row(
        'RSS at ready, with our features',
        `${p50.with.rssMiB.toFixed(0)} MiB`,
        note,
      ),
      row(
        'RSS at ready, without',
        `${p50.without.rssMiB.toFixed(0)} MiB`,
        note,
      ),
      row(
        'ratio with / without',
        (p50.with.rssMiB / p50.without.rssMiB).toFixed(2),
        'same run',
      ),
    ];
  },
};
