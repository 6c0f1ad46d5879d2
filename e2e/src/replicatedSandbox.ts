import fs from 'node:fs';
import path from 'node:path';
import {
  BackendApi,
  findFreeLoopbackPort,
  landscapeState,
  MotoServer,
  RecordingProxy,
  RunningPostgres,
  SANDBOX_REGION,
  SandboxLandscape,
  sandboxConfig,
  startPostgres,
  startSandbox,
  waitForEntity,
} from '@internal/aws-sandbox';
import { artifactsDir, RunningBackend, startBackend } from './backstageProcess';
import { startLoadBalancer } from './loadBalancer';
import { signInAs } from './scaffolderApi';

/** One backend process of several on one database. */
export interface Replica {
  name: string;
  backend: RunningBackend;
  /** The REST APIs through this replica, as Sam of the Orders team. */
  api: BackendApi;
}

export interface ReplicatedSandbox {
  postgres: RunningPostgres;
  moto: MotoServer;
  /** Every AWS call; `proxy.calls(name)` those one replica made (each has its own entrance). */
  proxy: RecordingProxy;
  landscape: SandboxLandscape;
  /** The running replicas by name. */
  replicas: Map<string, Replica>;
  /** The base URL all replicas share (a load balancer in front of them). */
  baseUrl: string;
  /** Starts a replica (again, after it was killed) under `name`, on the same database. */
  start(name: string): Promise<Replica>;
  /** What the actions may change, read from the emulator directly. */
  state(): ReturnType<typeof landscapeState>;
  stop(): Promise<void>;
}

/**
 * The sandbox as a platform runs Backstage: several backend processes on one
 * real PostgreSQL 15 (started for the test), with task recovery on, behind a
 * load balancer that gives them one base URL, in front of one emulator. A
 * test calls a replica by its own URL (`replica.api`) to choose which one
 * takes a request. Each replica talks to AWS through its own entrance of the
 * recording proxy, so a test can tell which one made a call, hold one of its
 * calls, and kill it there.
 */
export async function startReplicatedSandbox(
  name: string,
  options: {
    replicas: string[];
    /** On top of app-config.yaml for every replica, e.g. a short `scaffolder.taskRecovery.staleTimeout`. */
    config?: object;
    /** Adds to the seeded landscape before the config is derived from it (landscapeExtensions). */
    extend?: (
      moto: MotoServer,
      landscape: SandboxLandscape,
    ) => Promise<SandboxLandscape>;
  },
): Promise<ReplicatedSandbox> {
  const dir = path.join(artifactsDir, name, 'sandbox');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const postgres = await startPostgres();
  // The replicas reach AWS through the proxy's entrances, not this test process.
  const sandbox = await startSandbox({ setEnv: false });
  const { moto, proxy } = sandbox;
  const balancer = await startLoadBalancer();
  const replicas = new Map<string, Replica>();
  // Each process's output, kept for people to read after the run (one file per start).
  const keepLog = (replica: Replica, start: number) =>
    fs.writeFileSync(
      path.join(dir, `${replica.name}-${start}.log`),
      replica.backend.output(),
    );
  const logs: (() => void)[] = [];
  const stop = async () => {
    await Promise.all([...replicas.values()].map(r => r.backend.stop()));
    logs.forEach(write => write());
    await balancer.stop();
    await sandbox.stop();
    await postgres.stop();
  };
  try {
    const landscape = options.extend
      ? await options.extend(moto, sandbox.landscape)
      : sandbox.landscape;
    const config = {
      ...sandboxConfig(landscape, dir),
      ...options.config,
      app: { baseUrl: balancer.url },
      backend: {
        baseUrl: balancer.url,
        database: {
          client: 'pg',
          connection: {
            host: postgres.host,
            port: postgres.port,
            user: postgres.user,
          },
        },
      },
    };
    const start = async (replicaName: string) => {
      const endpoint = await proxy.entrance(replicaName);
      const backend = await startBackend(await findFreeLoopbackPort(), {
        config,
        env: { AWS_ENDPOINT_URL: endpoint, AWS_REGION: SANDBOX_REGION },
      });
      const replica = {
        name: replicaName,
        backend,
        // Waits for the catalog to hold the sandbox's people (see signInAs).
        api: await signInAs(backend.baseUrl, 'sam'),
      };
      replicas.set(replicaName, replica);
      balancer.setTargets([...replicas.values()].map(r => r.backend.baseUrl));
      const startIndex = logs.length;
      logs.push(() => keepLog(replica, startIndex));
      return replica;
    };
    // At once, as a deployment starts its pods: they meet an empty database and take turns
    // starting (packages/backend/src/startupTurn.ts).
    const started = await Promise.all(options.replicas.map(start));
    await waitForEntity(started[0].api, 'template', 'internal-fargate-api');
    return {
      postgres,
      moto,
      proxy,
      landscape,
      replicas,
      baseUrl: balancer.url,
      start,
      state: () => landscapeState(moto, landscape),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
