import { spawn } from 'node:child_process';
import knexFactory from 'knex';
import { startPostgres } from './postgres';

/** Whether a server answers at `connectionString` (a fresh connection each time). */
async function answers(connectionString: string): Promise<boolean> {
  const knex = knexFactory({
    client: 'pg',
    connection: connectionString,
    acquireConnectionTimeout: 2_000,
  });
  try {
    await knex.raw('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await knex.destroy();
  }
}

describe('startPostgres', () => {
  it('starts a PostgreSQL 15 of its own that takes connections, and removes it when stopped', async () => {
    const postgres = await startPostgres();
    const knex = knexFactory({
      client: 'pg',
      connection: postgres.connectionString,
    });
    try {
      const { rows } = await knex.raw('show server_version');
      expect(rows[0].server_version).toMatch(/^15\./);
      await knex.raw('create table answered (id int)');
    } finally {
      await knex.destroy();
      await postgres.stop();
    }
    // Gone: a new connection is refused.
    const again = knexFactory({
      client: 'pg',
      connection: postgres.connectionString,
      acquireConnectionTimeout: 2_000,
    });
    await expect(again.raw('select 1')).rejects.toThrow();
    await again.destroy();
  }, 60_000);

  it('stops its server when the process that started it is killed (no teardown runs)', async () => {
    const owner = spawn(
      process.execPath,
      ['--import', 'tsx', require.resolve('./__testUtils__/postgresOwner.ts')],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const connectionString = await new Promise<string>((resolve, reject) => {
      owner.stdout!.once('data', chunk => resolve(String(chunk).trim()));
      owner.once('exit', code => reject(new Error(`exited with ${code}`)));
    });
    expect(await answers(connectionString)).toBe(true);

    owner.kill('SIGKILL');
    const deadline = Date.now() + 20_000;
    while ((await answers(connectionString)) && Date.now() < deadline) {
      await new Promise(resolve => setTimeout(resolve, 500));
    }
    expect(await answers(connectionString)).toBe(false);
  }, 60_000);

  it('says how to install PostgreSQL when it is missing', async () => {
    await expect(startPostgres({ binDir: '/nonexistent' })).rejects.toThrow(
      'PostgreSQL 15 is not installed (no /nonexistent/initdb): run `apt-get install -y postgresql`',
    );
  });
});
