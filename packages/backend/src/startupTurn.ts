import type { Config } from '@backstage/config';
import { Client, ClientConfig } from 'pg';

/**
 * The advisory lock key replicas take turns on ("bstartup" as a number); any
 * 64-bit value works, it only has to be the same in every replica and unused
 * by anything else on the server.
 */
export const STARTUP_LOCK_KEY = '7165072453453017968';

/**
 * Runs `start` (the backend's start, which migrates each plugin's database)
 * while this process holds a PostgreSQL advisory lock, so replicas starting at
 * once take turns. Without it they race on the plugins' knex migrations, and
 * knex does not wait for its lock: the loser stops with "MigrationLocked:
 * Migration table is already locked" (seen here with two replicas on an empty
 * database; upstream backstage/charts#300). The lock is a session lock on a
 * connection of its own: it goes when `start` settles, and with the
 * connection when the process dies, so a replica killed while starting never
 * leaves it held. Other databases (SQLite) have one process: `start` runs as it is.
 */
export async function startInTurn<T>(
  config: Config,
  start: () => Promise<T>,
  log: (message: string) => void = console.log,
): Promise<T> {
  const database = config.getOptionalConfig('backend.database');
  if (database?.getOptionalString('client') !== 'pg') {
    return start();
  }
  const client = new Client(lockConnection(database.get('connection')));
  try {
    await client.connect();
  } catch (error) {
    // The backend's own start reports an unreachable database, after its config checks (sign-in).
    log(
      `Starting without a turn: the database did not answer (${
        (error as Error).message
      })`,
    );
    return start();
  }
  try {
    const { rows } = await client.query(
      'select pg_try_advisory_lock($1) as taken',
      [STARTUP_LOCK_KEY],
    );
    if (!rows[0].taken) {
      log('Another replica is starting; waiting for it to finish first');
      await client.query('select pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
    }
    return await start();
  } finally {
    // Closing the session releases the lock.
    await client.end();
  }
}

/**
 * Where the lock lives: the database Backstage itself administers plugin
 * databases from (`postgres`, unless the connection names one), so every
 * replica meets the same lock.
 */
function lockConnection(connection: unknown): ClientConfig {
  if (typeof connection === 'string') {
    return { connectionString: connection };
  }
  const settings = (connection ?? {}) as ClientConfig;
  return { ...settings, database: settings.database ?? 'postgres' };
}
