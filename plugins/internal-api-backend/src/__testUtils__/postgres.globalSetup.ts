import { startPostgres } from '@internal/aws-sandbox';

/**
 * Jest's global setup for this package: one real PostgreSQL 15 for every
 * test file, which Backstage's TestDatabases finds through this variable, so
 * the approvals run on the production database as well as on SQLite, with no
 * Docker. The test processes inherit the variable; teardown stops the server.
 */
export default async function startTestPostgres() {
  const postgres = await startPostgres();
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING =
    postgres.connectionString;
  (globalThis as { testPostgres?: typeof postgres }).testPostgres = postgres;
}
