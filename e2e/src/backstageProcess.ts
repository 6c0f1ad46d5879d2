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
  stop(): Promise<void>;
  output(): string;
}

/**
 * Starts packages/backend the way `npm start` does, on a loopback port, with
 * app-config.yaml, sandbox sign-in (app-config.sandbox-people.yaml), and an override
 * that points every URL at that port.
 */
export async function startBackend(
  port: number,
  extraConfig: object = {},
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<RunningBackend> {
  const { baseUrl, configFile: overrideFile } = writeLoopbackConfig(
    port,
    extraConfig,
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
      '../../app-config.sandbox-people.yaml',
      '--config',
      overrideFile,
    ],
    {
      cwd: path.join(repoRoot, 'packages', 'backend'),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      // A development backend, as `npm start` runs it: jest's NODE_ENV=test would stop sandbox sign-in.
      env: { ...process.env, NODE_ENV: 'development', ...extraEnv },
    },
  );
  let log = '';
  const append = (chunk: Buffer) => {
    log += chunk.toString();
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);

  const stop = async () => {
    await stopProcessGroup(child);
    fs.rmSync(path.dirname(overrideFile), { recursive: true, force: true });
  };
  try {
    await waitForReadiness(baseUrl, child, 120_000);
  } catch (error) {
    await stop();
    throw new Error(
      `${(error as Error).message}\nBackend output:\n${log.slice(-6000)}`,
    );
  }
  return { baseUrl, stop, output: () => log };
}

/**
 * An app-config override that points every URL at a loopback port, written to
 * a temporary folder; the caller removes `path.dirname(configFile)` when done.
 */
export function writeLoopbackConfig(port: number, extraConfig: object = {}) {
  const baseUrl = `http://127.0.0.1:${port}`;
  const configFile = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'backend-config-')),
    'app-config.loopback.json',
  );
  fs.writeFileSync(
    configFile,
    JSON.stringify({
      app: { baseUrl },
      backend: {
        baseUrl,
        listen: { host: '127.0.0.1', port },
        cors: { origin: baseUrl },
      },
      ...extraConfig,
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
