import knexFactory, { Knex } from 'knex';
import {
  findFreeLoopbackPort,
  RunningPostgres,
  Sandbox,
  SANDBOX_REGION,
  sandboxConfig,
  startPostgres,
  startSandbox,
} from '@internal/aws-sandbox';
import path from 'node:path';
import { artifactsDir, RunningBackend, startBackend } from './backstageProcess';

/**
 * What the README tells a platform to run (app-config.yaml +
 * app-config.production.yaml, NODE_ENV=production) on a real PostgreSQL 15,
 * the AWS side from the sandbox's landscape. No one can sign in here (GitHub
 * is the provider), so this checks what the backend made of the database.
 */
describe('the production profile on PostgreSQL', () => {
  let postgres: RunningPostgres;
  let sandbox: Sandbox;
  let backend: RunningBackend;
  const databases: Knex[] = [];
  const connect = (database: string) => {
    const knex = knexFactory({
      client: 'pg',
      connection: `${postgres.connectionString}/${database}`,
    });
    databases.push(knex);
    return knex;
  };

  beforeAll(async () => {
    postgres = await startPostgres();
    sandbox = await startSandbox({ setEnv: false });
    const port = await findFreeLoopbackPort();
    const baseUrl = `http://127.0.0.1:${port}`;
    backend = await startBackend(port, {
      profile: 'production',
      config: {
        ...sandboxConfig(
          sandbox.landscape,
          path.join(artifactsDir, 'production-profile'),
        ),
        // The profile's `listen: ':7007'` is a string, which a file may only override with a string.
        backend: { listen: `127.0.0.1:${port}` },
      },
      env: {
        APP_BASE_URL: baseUrl,
        BACKEND_BASE_URL: baseUrl,
        POSTGRES_HOST: postgres.host,
        POSTGRES_PORT: String(postgres.port),
        POSTGRES_USER: postgres.user,
        // The test's server trusts loopback; the variable must still be set.
        POSTGRES_PASSWORD: 'unused',
        BACKEND_SECRET: 'a-test-secret-of-enough-length',
        AUTH_GITHUB_CLIENT_ID: 'github-client-id',
        AUTH_GITHUB_CLIENT_SECRET: 'github-client-secret',
        AWS_ENDPOINT_URL: sandbox.proxy.endpoint,
        AWS_REGION: SANDBOX_REGION,
      },
    });
  }, 240_000);
  afterAll(async () => {
    await Promise.all(databases.map(knex => knex.destroy()));
    await backend?.stop();
    await sandbox?.stop();
    await postgres?.stop();
  });

  it('keeps every plugin in a database of its own on the server, with the task workspaces table', async () => {
    const names = (
      await connect('postgres')('pg_database').select('datname')
    ).map(row => row.datname);
    expect(names).toEqual(
      expect.arrayContaining([
        'backstage_plugin_auth',
        'backstage_plugin_catalog',
        'backstage_plugin_scaffolder',
        'backstage_plugin_internal-api',
        'backstage_plugin_permission',
      ]),
    );
    // The workspace-database module runs in production only when told to
    // (scaffolder.taskRecovery.database.dangerouslyEnableInProduction).
    expect(
      await connect('backstage_plugin_scaffolder').schema.hasTable(
        'scaffolder_task_workspaces',
      ),
    ).toBe(true);
    expect(backend.output()).not.toMatch(
      /Database workspace provider is not supported in production/,
    );
  });

  it('answers no one without a token (the default auth policy)', async () => {
    const response = await fetch(`${backend.baseUrl}/api/catalog/entities`);
    expect(response.status).toBe(401);
  });
});
