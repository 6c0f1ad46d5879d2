import { ConfigReader } from '@backstage/config';
import { RunningPostgres, startPostgres } from '@internal/aws-sandbox';
import { Client } from 'pg';
import { STARTUP_LOCK_KEY, startInTurn } from './startupTurn';

describe('startInTurn', () => {
  let postgres: RunningPostgres;
  let config: ConfigReader;
  beforeAll(async () => {
    postgres = await startPostgres();
    config = new ConfigReader({
      backend: {
        database: {
          client: 'pg',
          // As app-config.production.yaml gives it: an object, the port a string from the environment.
          connection: {
            host: postgres.host,
            port: String(postgres.port),
            user: postgres.user,
          },
        },
      },
    });
  }, 60_000);
  afterAll(() => postgres?.stop());

  /** A start that takes `ms` and records when it ran. */
  const recordedStart = (runs: [number, number][], ms: number) => async () => {
    const began = Date.now();
    await new Promise(resolve => setTimeout(resolve, ms));
    runs.push([began, Date.now()]);
    return runs.length;
  };

  it('lets replicas on one PostgreSQL start one after another, never at once', async () => {
    const runs: [number, number][] = [];
    const said: string[] = [];
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        startInTurn(config, recordedStart(runs, 300), message =>
          said.push(message),
        ),
      ),
    );

    expect(results.sort()).toEqual([1, 2, 3]);
    const [first, second, third] = [...runs].sort((a, b) => a[0] - b[0]);
    expect(second[0]).toBeGreaterThanOrEqual(first[1]);
    expect(third[0]).toBeGreaterThanOrEqual(second[1]);
    expect(said).toEqual([
      'Another replica is starting; waiting for it to finish first',
      'Another replica is starting; waiting for it to finish first',
    ]);
  });

  it('releases the turn when a start fails', async () => {
    await expect(
      startInTurn(config, () => Promise.reject(new Error('plugin failed'))),
    ).rejects.toThrow('plugin failed');
    await expect(startInTurn(config, async () => 'next')).resolves.toBe('next');
  });

  it('releases the turn of a replica that died while starting (its connection went)', async () => {
    const dying = new Client({
      connectionString: `${postgres.connectionString}/postgres`,
    });
    await dying.connect();
    await dying.query('select pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
    const runs: [number, number][] = [];
    const waiting = startInTurn(config, recordedStart(runs, 10), () => {});
    await new Promise(resolve => setTimeout(resolve, 300));
    expect(runs).toEqual([]);

    // As when the process is killed: the server ends the session, and its locks with it.
    await dying.end();
    await expect(waiting).resolves.toBe(1);
  });

  it('leaves an unreachable database to the backend to report, after its own checks', async () => {
    const said: string[] = [];
    const unreachable = new ConfigReader({
      backend: {
        database: {
          client: 'pg',
          connection: { host: '127.0.0.1', port: 1, user: 'backstage' },
        },
      },
    });
    await expect(
      startInTurn(
        unreachable,
        async () => 'started',
        message => said.push(message),
      ),
    ).resolves.toBe('started');
    expect(said).toEqual([
      expect.stringMatching(
        /^Starting without a turn: the database did not answer \(.*ECONNREFUSED/,
      ),
    ]);
  });

  it('starts at once without PostgreSQL (SQLite: one process)', async () => {
    const sqlite = new ConfigReader({
      backend: {
        database: { client: 'better-sqlite3', connection: ':memory:' },
      },
    });
    await expect(startInTurn(sqlite, async () => 'started')).resolves.toBe(
      'started',
    );
  });
});
