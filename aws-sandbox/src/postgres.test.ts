import knexFactory from 'knex';
import { startPostgres } from './postgres';

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

  it('says how to install PostgreSQL when it is missing', async () => {
    await expect(startPostgres({ binDir: '/nonexistent' })).rejects.toThrow(
      'PostgreSQL 15 is not installed (no /nonexistent/initdb): run `apt-get install -y postgresql`',
    );
  });
});
