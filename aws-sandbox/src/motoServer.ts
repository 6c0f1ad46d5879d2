import { spawn, spawnSync, ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** The moto release the project is tested against (see README: AWS emulator). */
export const MOTO_VERSION = '5.2.1';

/** A running moto server on a loopback port. */
export interface MotoServer {
  /** Base URL for AWS SDK clients (`endpoint`, or `AWS_ENDPOINT_URL`). */
  readonly endpoint: string;
  readonly port: number;
  /** Forgets every resource in every account (and every assumed-role key). */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export interface StartMotoServerOptions {
  /** How long to wait for the server to answer; default 30 s. */
  readyTimeoutMs?: number;
  /** Where a missing moto gets installed; default `<repo>/.venv/moto`. */
  virtualenvDir?: string;
  /** Try `pip install` into the virtualenv when moto is missing; default true. */
  autoInstall?: boolean;
}

// The sandbox package sits one level below the repository root.
const repoRoot = path.resolve(
  path.dirname(require.resolve('@internal/aws-sandbox/package.json')),
  '..',
);

/**
 * Starts moto_server on a free loopback port and resolves once it answers.
 * Each call gets its own server, so test suites never share emulator state.
 */
export async function startMotoServer(
  options: StartMotoServerOptions = {},
): Promise<MotoServer> {
  const executable = findOrInstallMotoServer(options);
  const port = await findFreeLoopbackPort();
  const endpoint = `http://127.0.0.1:${port}`;
  const child = spawn(executable, ['-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = keepTail(child);
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  try {
    await waitUntilReady(endpoint, child, options.readyTimeoutMs ?? 30_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(
      `${(error as Error).message}\nmoto_server output:\n${output()}`,
    );
  }

  return {
    endpoint,
    port,
    async reset() {
      const response = await fetch(`${endpoint}/moto-api/reset`, {
        method: 'POST',
      });
      if (!response.ok) {
        throw new Error(`moto reset failed with HTTP ${response.status}`);
      }
    },
    async stop() {
      process.removeListener('exit', killOnExit);
      await terminate(child);
    },
  };
}

/**
 * Finds moto_server on PATH or in the project virtualenv; installs the pinned
 * release into the virtualenv when neither has it.
 */
export function findOrInstallMotoServer(
  options: StartMotoServerOptions = {},
): string {
  const venv = options.virtualenvDir ?? path.join(repoRoot, '.venv', 'moto');
  const venvExecutable = path.join(venv, 'bin', 'moto_server');
  const found =
    findOnPath('moto_server') ??
    (isExecutable(venvExecutable) ? venvExecutable : undefined);
  if (found) {
    return found;
  }
  const howTo =
    `Install it with \`pip install 'moto[server]==${MOTO_VERSION}'\` so that moto_server is on PATH, ` +
    `or into the project virtualenv: \`python3 -m venv ${venv} && ${venv}/bin/pip install 'moto[server]==${MOTO_VERSION}'\`.`;
  if (options.autoInstall === false) {
    throw new Error(
      `moto_server was not found on PATH or in ${venv}. ${howTo}`,
    );
  }
  const steps: string[][] = [
    ['python3', '-m', 'venv', venv],
    [
      path.join(venv, 'bin', 'pip'),
      'install',
      '--quiet',
      `moto[server]==${MOTO_VERSION}`,
    ],
  ];
  for (const [command, ...args] of steps) {
    const result = spawnSync(command, args, {
      encoding: 'utf8',
      timeout: 300_000,
    });
    if (result.status !== 0) {
      throw new Error(
        `moto_server was not found on PATH, and installing it into ${venv} failed ` +
          `(${[command, ...args].join(' ')}: ${(
            result.stderr ||
            result.error?.message ||
            ''
          ).trim()}). ${howTo}`,
      );
    }
  }
  return venvExecutable;
}

function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, name);
    if (dir && isExecutable(candidate)) {
      return candidate;
    }
  }
  return undefined;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Asks the kernel for a free port; moto binds it a moment later. */
export function findFreeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(
  endpoint: string,
  child: ChildProcess,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `moto_server exited early (code ${child.exitCode ?? child.signalCode})`,
      );
    }
    try {
      const response = await fetch(`${endpoint}/moto-api/`);
      if (response.ok) {
        return;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  throw new Error(
    `moto_server did not answer at ${endpoint} within ${timeoutMs} ms`,
  );
}

/** Drains the child's output (a full pipe would stall it) and keeps the tail for error messages. */
function keepTail(child: ChildProcess, maxChars = 4000): () => string {
  let tail = '';
  const append = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-maxChars);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  return () => tail;
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise(resolve => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
