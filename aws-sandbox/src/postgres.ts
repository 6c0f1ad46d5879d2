import { ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { findFreeLoopbackPort } from './motoServer';

const run = promisify(execFile);

/** Debian 12's PostgreSQL (`apt-get install postgresql`), unless POSTGRES_BIN_DIR says otherwise. */
const DEFAULT_BIN_DIR = '/usr/lib/postgresql/15/bin';

/** A PostgreSQL server of a test's own: a fresh cluster in a temporary folder, on a free loopback port. */
export type RunningPostgres = {
  host: string;
  port: number;
  /** The superuser; loopback connections need no password (trust), as the cluster is the test's. */
  user: string;
  /** postgresql://postgres@127.0.0.1:<port>, for knex or BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING. */
  connectionString: string;
  /** Stops the server (fast shutdown) and deletes its folder. */
  stop(): Promise<void>;
};

/**
 * Starts a real PostgreSQL (the version the production profile names) for a
 * test: `initdb` into a temporary folder, `pg_ctl start` on a free port on
 * 127.0.0.1 with its socket in that folder, no fsync (a test's data need not
 * survive the machine). As root (CI), the server runs as the `postgres` user
 * the Debian package creates: PostgreSQL refuses to run as root.
 */
export async function startPostgres(
  options: { binDir?: string } = {},
): Promise<RunningPostgres> {
  const binDir =
    options.binDir ?? process.env.POSTGRES_BIN_DIR ?? DEFAULT_BIN_DIR;
  if (!fs.existsSync(path.join(binDir, 'initdb'))) {
    throw new Error(
      `PostgreSQL 15 is not installed (no ${binDir}/initdb): run \`apt-get install -y postgresql\` ` +
        '(Debian 12 installs 15; .ci/run does it on a fresh machine), or set POSTGRES_BIN_DIR.',
    );
  }
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'postgres-'));
  const dataDir = path.join(folder, 'data');
  const asServer = await serverUser(folder);
  const pg = (tool: string, args: string[]) =>
    run(asServer.command, [
      ...asServer.prefix,
      path.join(binDir, tool),
      ...args,
    ]);

  try {
    await pg('initdb', [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--no-sync',
    ]);
    const port = await findFreeLoopbackPort();
    await pg('pg_ctl', [
      '-D',
      dataDir,
      '-l',
      path.join(folder, 'server.log'),
      '-w',
      '-o',
      `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
      'start',
    ]);
    const stopArgs = ['-D', dataDir, '-m', 'fast', '-w', 'stop'];
    const watchdog = startWatchdog(folder, asServer.command, [
      ...asServer.prefix,
      path.join(binDir, 'pg_ctl'),
      ...stopArgs,
    ]);
    return {
      host: '127.0.0.1',
      port,
      user: 'postgres',
      connectionString: `postgresql://postgres@127.0.0.1:${port}`,
      async stop() {
        watchdog.kill();
        await pg('pg_ctl', stopArgs).catch(() => undefined);
        fs.rmSync(folder, { recursive: true, force: true });
      },
    };
  } catch (error) {
    const log = path.join(folder, 'server.log');
    const detail = fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '';
    fs.rmSync(folder, { recursive: true, force: true });
    throw new Error(
      `PostgreSQL did not start: ${(error as Error).message}${
        detail ? `\n${detail}` : ''
      }`,
    );
  }
}

/** How to run the server's tools: as ourselves, or (as root) as `postgres`, owning the folder. */
async function serverUser(
  folder: string,
): Promise<{ command: string; prefix: string[] }> {
  if (process.getuid?.() !== 0) {
    // `env <tool> …` runs the tool as we are.
    return { command: 'env', prefix: [] };
  }
  const { stdout } = await run('id', ['-u', 'postgres']).catch(() => {
    throw new Error(
      'Running as root, PostgreSQL needs the `postgres` user the Debian package creates: apt-get install -y postgresql.',
    );
  });
  const uid = Number(stdout.trim());
  const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
  fs.chownSync(folder, uid, gid);
  return { command: 'runuser', prefix: ['-u', 'postgres', '--'] };
}

/**
 * `pg_ctl start` leaves the server running on its own, so a test run killed
 * from outside (its teardown never runs) would leave it and its folder behind.
 * A detached watcher checks every second that this process is alive, and
 * when it is gone, stops the server and removes the folder.
 */
function startWatchdog(
  folder: string,
  command: string,
  stopArgs: string[],
): ChildProcess {
  const script = `
    const { execFileSync } = require('node:child_process');
    const fs = require('node:fs');
    const [parent, folder, command, ...args] = process.argv.slice(1);
    setInterval(() => {
      try {
        process.kill(Number(parent), 0);
      } catch {
        try { execFileSync(command, args, { stdio: 'ignore' }); } catch {}
        fs.rmSync(folder, { recursive: true, force: true });
        process.exit(0);
      }
    }, 1000);`;
  const watchdog = spawn(
    process.execPath,
    ['-e', script, String(process.pid), folder, command, ...stopArgs],
    { detached: true, stdio: 'ignore' },
  );
  watchdog.unref();
  return watchdog;
}
