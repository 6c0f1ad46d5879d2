import { spawn, spawnSync, ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The e2e package sits one level below the repository root.
export const repoRoot = path.resolve(
  path.dirname(require.resolve('@internal/e2e/package.json')),
  '..',
);

/** Folder for screenshots and logs; git-ignored, kept after the run for people to look at. */
export const artifactsDir = path.join(repoRoot, '.artifacts', 'e2e');

/** Builds packages/app into packages/app/dist, which the backend's app plugin serves. */
export function buildApp(): void {
  const result = spawnSync('npx', ['backstage-cli', 'package', 'build'], {
    cwd: path.join(repoRoot, 'packages', 'app'),
    encoding: 'utf8',
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NODE_OPTIONS: '--max-old-space-size=4096',
    },
  });
  if (result.status !== 0) {
    throw new Error(`App build failed:\n${result.stdout}\n${result.stderr}`);
  }
}

export interface RunningBackend {
  baseUrl: string;
  /** Stops the process group (SIGTERM, then SIGKILL after 10 s). */
  stop(): Promise<void>;
  /** Kills the process group at once, as a crash or an evicted pod would. */
  kill(): Promise<void>;
  output(): string;
}

/** Which config files the backend loads on top of app-config.yaml, and how it runs. */
const PROFILES = {
  /** As `npm start` runs it: sandbox sign-in, a development backend. */
  sandbox: { file: 'app-config.sandbox-people.yaml', nodeEnv: 'development' },
  /** As production runs it: its env variables must be set (see app-config.production.yaml). */
  production: { file: 'app-config.production.yaml', nodeEnv: 'production' },
};

export interface StartBackendOptions {
  /** Default `sandbox`. */
  profile?: keyof typeof PROFILES;
  /** Config on top of the profile; its `backend` keys merge into the loopback URLs. */
  config?: object;
  env?: NodeJS.ProcessEnv;
}

/**
 * Starts packages/backend the way `npm start` does, on a loopback port, with
 * app-config.yaml, the profile's config file (sandbox sign-in unless told),
 * and an override that points every URL at that port.
 */
export async function startBackend(
  port: number,
  options: StartBackendOptions = {},
): Promise<RunningBackend> {
  const profile = PROFILES[options.profile ?? 'sandbox'];
  const { baseUrl, configFile: overrideFile } = writeLoopbackConfig(
    port,
    options.config,
  );
  const child = spawn(
    'npx',
    [
      'backstage-cli',
      'package',
      'start',
      '--config',
      '../../app-config.yaml',
      '--config',
      `../../${profile.file}`,
      '--config',
      overrideFile,
    ],
    {
      cwd: path.join(repoRoot, 'packages', 'backend'),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      // Set, or jest's NODE_ENV=test would stop sandbox sign-in.
      env: { ...process.env, NODE_ENV: profile.nodeEnv, ...options.env },
    },
  );
  let log = '';
  const append = (chunk: Buffer) => {
    log += chunk.toString();
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);

  const removeOverride = () =>
    fs.rmSync(path.dirname(overrideFile), { recursive: true, force: true });
  const stop = async () => {
    await stopProcessGroup(child);
    removeOverride();
  };
  try {
    await waitForReadiness(baseUrl, child, 120_000);
  } catch (error) {
    await stop();
    throw new Error(
      `${(error as Error).message}\nBackend output:\n${log.slice(-6000)}`,
    );
  }
  return {
    baseUrl,
    stop,
    async kill() {
      await killProcessGroup(child);
      removeOverride();
    },
    output: () => log,
  };
}

/**
 * An app-config override that points every URL at a loopback port, written to
 * a temporary folder; the caller removes `path.dirname(configFile)` when done.
 */
export function writeLoopbackConfig(
  port: number,
  extraConfig: { backend?: object } = {},
) {
  const baseUrl = `http://127.0.0.1:${port}`;
  const configFile = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'backend-config-')),
    'app-config.loopback.json',
  );
  fs.writeFileSync(
    configFile,
    JSON.stringify({
      app: { baseUrl },
      ...extraConfig,
      backend: {
        baseUrl,
        listen: { host: '127.0.0.1', port },
        cors: { origin: baseUrl },
        ...extraConfig.backend,
      },
    }),
  );
  return { baseUrl, configFile };
}

/** Polls the backend's readiness endpoint; fails early if the process exits. */
export async function waitForReadiness(
  baseUrl: string,
  child: ChildProcess,
  timeoutMs: number,
  intervalMs = 250,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `Backend exited with code ${child.exitCode} before it was ready`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/.backstage/health/v1/readiness`);
      if (response.ok) {
        return;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise(resolve => setTimeout(resolve, intervalMs));
  }
  throw new Error(`Backend at ${baseUrl} was not ready within ${timeoutMs} ms`);
}

/** `backstage-cli package start` forks the backend; stop the whole process group. */
export function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise(resolve => {
    const force = setTimeout(
      () => process.kill(-child.pid!, 'SIGKILL'),
      10_000,
    );
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    process.kill(-child.pid!, 'SIGTERM');
  });
}

/** SIGKILL to the whole process group: no shutdown hooks, no goodbye to the database. */
export function killProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise(resolve => {
    child.once('exit', () => resolve());
    process.kill(-child.pid!, 'SIGKILL');
  });
}
