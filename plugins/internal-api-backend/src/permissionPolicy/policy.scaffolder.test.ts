import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import {
  backendApi,
  type Sandbox,
  SANDBOX_ACCOUNTS,
  SANDBOX_REGION,
  startSandbox,
  waitForEntity,
} from '@internal/aws-sandbox';
import internalApiModule from '@internal/plugin-scaffolder-backend-module-internal-api';
import path from 'node:path';
import {
  authWithPluginActor,
  userInfoFromMembership,
} from '../__testUtils__/permissionServices';
import { permissionModuleInternalApiPolicy } from './module';

/**
 * The policy's conditions as the scaffolder itself applies them, with
 * permission.enabled on the sandbox's config and people (org/sandbox.yaml):
 * a dry run of internal-api:placement:resolve, which reads AWS only once
 * the scaffolder has let it run.
 */
describe('the scaffolder with the internal-api permission policy', () => {
  let sandbox: Sandbox;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;

  beforeAll(async () => {
    sandbox = await startSandbox();
    backend = await startTestBackend({
      features: [
        permissionPlugin,
        permissionModuleInternalApiPolicy,
        catalogPlugin,
        scaffolderPlugin,
        internalApiModule,
        // The real permissions service: the scaffolder asks the permission backend.
        permissionsServiceFactory,
        authWithPluginActor,
        userInfoFromMembership({
          'user:default/sam': ['group:default/orders-team'],
          'user:default/ada': ['group:default/platform-admins'],
        }),
        mockServices.rootConfig.factory({
          data: {
            ...sandbox.landscape.config,
            permission: { enabled: true },
            catalog: {
              rules: [{ allow: ['Group', 'User', 'Location'] }],
              locations: [
                {
                  type: 'file',
                  target: path.resolve(
                    __dirname,
                    '../../../../org/sandbox.yaml',
                  ),
                },
              ],
            },
          },
        }),
      ],
    });
    // The policy keeps the groups it reads for a minute: ask only once the catalog has them.
    const api = backendApi(
      `http://localhost:${backend.server.port()}`,
      mockCredentials.service.header(),
    );
    for (const group of ['orders-team', 'payments-team', 'platform-admins']) {
      await waitForEntity(api, 'group', group);
    }
  }, 120_000);
  afterAll(async () => {
    await backend?.stop();
    await sandbox?.stop();
  });

  /** A dry run of one placement step as the user in the account, on its private subnets. */
  async function resolvePlacement(
    user: string,
    accountId: string,
    subnetFilters: Array<{ name: string; values: string[] }> = [
      { name: 'tag:Tier', values: ['private'] },
    ],
  ) {
    const api = backendApi(
      `http://localhost:${backend.server.port()}`,
      mockCredentials.user.header(user),
    );
    return api.post('/api/scaffolder/v2/dry-run', {
      template: {
        apiVersion: 'scaffolder.backstage.io/v1beta3',
        kind: 'Template',
        metadata: { name: 'placement-only' },
        spec: {
          type: 'service',
          steps: [
            {
              id: 'placement',
              action: 'internal-api:placement:resolve',
              input: {
                accountId,
                region: SANDBOX_REGION,
                subnetFilters,
              },
            },
          ],
        },
      },
      values: {},
      secrets: {},
      directoryContents: [],
    });
  }

  /** Whether the dry run ran the step to its end, and what it logged. */
  function ranToEnd(body: any) {
    const log = (body.log ?? []).map((entry: any) => entry.body);
    return {
      completed: log.some(
        (event: any) =>
          event.stepId === 'placement' && event.status === 'completed',
      ),
      text: log.map((event: any) => event.message).join('\n'),
    };
  }

  it("runs the step in sam's own account (Orders), reading AWS", async () => {
    const { status, body } = await resolvePlacement(
      'user:default/sam',
      SANDBOX_ACCOUNTS.orders,
    );

    expect(status).toBe(200);
    const run = ranToEnd(body);
    expect(run.completed).toBe(true);
    expect(run.text).toMatch(/Placement in vpc-\w+ \(10\.10\.0\.0\/16\)/);
  }, 60_000);

  it("refuses the step in another team's account (Payments) before it reads AWS", async () => {
    sandbox.proxy.clear();

    const { status, body } = await resolvePlacement(
      'user:default/sam',
      SANDBOX_ACCOUNTS.payments,
    );

    expect(status).toBe(403);
    expect(body.error).toMatchObject({
      name: 'NotAllowedError',
      message:
        'Unauthorized action: internal-api:placement:resolve. The action is not allowed.',
    });
    expect(sandbox.proxy.calls()).toEqual([]);
  }, 60_000);

  it('runs the step for an admin in any account (Payments)', async () => {
    // Payments has two private subnets in one zone: pick one per zone, as its owners would.
    const { status, body } = await resolvePlacement(
      'user:default/ada',
      SANDBOX_ACCOUNTS.payments,
      [{ name: 'cidr-block', values: ['10.20.1.0/24', '10.20.3.0/24'] }],
    );

    expect(status).toBe(200);
    expect(ranToEnd(body).completed).toBe(true);
  }, 60_000);
});
