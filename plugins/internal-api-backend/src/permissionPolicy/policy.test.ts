import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import type {
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  actionExecutePermission,
  taskCreatePermission,
  templateParameterReadPermission,
  templateStepReadPermission,
} from '@backstage/plugin-scaffolder-common/alpha';
import {
  backendApi,
  SANDBOX_ACCOUNTS,
  SANDBOX_GROUPS,
  waitForEntity,
} from '@internal/aws-sandbox';
import path from 'node:path';
import { userInfoFromMembership } from '../__testUtils__/permissionServices';
import { permissionModuleInternalApiPolicy } from './module';
import { InternalApiPermissionPolicy } from './policy';

const ORDERS = SANDBOX_ACCOUNTS.orders;
const PAYMENTS = SANDBOX_ACCOUNTS.payments;
/** A workload account config gives no owners: admins only. */
const UNOWNED = SANDBOX_ACCOUNTS.customer;

/** Each person's sign-in identity: themselves and the groups they are a direct member of, as sign-in resolvers issue it. */
const MEMBERSHIP: Record<string, string[]> = {
  'user:default/sam': ['group:default/orders-team'],
  'user:default/pat': ['group:default/payments-team'],
  // Only payments-oncall, a child team of payments-team (__fixtures__/childTeam.yaml).
  'user:default/cy': ['group:default/payments-oncall'],
  'user:default/ada': ['group:default/platform-admins'],
  'user:default/newcomer': [],
};

const account = (accountId: string, title: string, owners: string[]) => ({
  accountId,
  title,
  region: 'eu-west-1',
  vpcId: 'vpc-0123456789abcdef0',
  owners,
});

/** A decision as the table shows it: allowed, or the accounts the condition lets the account actions use. */
function accountsOf(decision: any): 'all' | string[] {
  if (decision.result === 'ALLOW') {
    return 'all';
  }
  expect(decision).toMatchObject({
    result: 'CONDITIONAL',
    pluginId: 'scaffolder',
    resourceType: 'scaffolder-action',
  });
  // Every account the condition names (walked as JSON: conditions nest anyOf/not).
  const accounts: string[] = [];
  JSON.stringify(decision.conditions, (_key, value) => {
    if (value?.rule === 'HAS_STRING_PROPERTY') {
      expect(value.params.key).toBe('accountId');
      accounts.push(value.params.value);
    }
    return value;
  });
  return accounts;
}

/**
 * The policy in the real permission backend, with the catalog's groups of
 * org/sandbox.yaml (and a child team), asked over HTTP as the app's plugins
 * ask it. The scaffolder evaluates the conditions itself (see
 * permissionMatrix.test.ts); here the table checks what each person gets.
 */
describe('the internal-api permission policy in the permission backend', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;

  let baseUrl: string;

  /**
   * The decision a plugin gets when it asks for `user`, over the permission
   * backend's HTTP API. The token names the
   * plugin as the actor, as a plugin's request for a user does: the backend
   * answers conditions only to plugins, never to a user directly.
   */
  async function authorize(
    user: string,
    permission: BasicPermission | ResourcePermission,
  ) {
    const token = mockCredentials.user.token(user, {
      actor: { subject: 'plugin:scaffolder' },
    });
    const api = backendApi(baseUrl, `Bearer ${token}`);
    const { status, body } = await api.post('/api/permission/authorize', {
      items: [{ id: 'the-only', permission }],
    });
    expect(status).toBe(200);
    const { id, ...decision } = body.items[0];
    return decision;
  }

  beforeAll(async () => {
    backend = await startTestBackend({
      features: [
        permissionPlugin,
        permissionModuleInternalApiPolicy,
        catalogPlugin,
        userInfoFromMembership(MEMBERSHIP),
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            internalApi: {
              admins: [SANDBOX_GROUPS.platformAdmins],
              workloadAccounts: [
                account(ORDERS, 'Orders', [SANDBOX_GROUPS.orders]),
                account(PAYMENTS, 'Payments', [SANDBOX_GROUPS.payments]),
                account(UNOWNED, 'Unowned', []),
              ],
            },
            catalog: {
              rules: [{ allow: ['Group', 'User', 'Location'] }],
              locations: [
                path.resolve(__dirname, '../../../../org/sandbox.yaml'),
                path.resolve(__dirname, '__fixtures__/childTeam.yaml'),
              ].map(target => ({ type: 'file', target })),
            },
          },
        }),
      ],
    });
    baseUrl = `http://localhost:${backend.server.port()}`;
    // The policy keeps the groups it reads for a minute: ask only once the catalog has them all.
    const api = backendApi(baseUrl, mockCredentials.service.header());
    for (const group of ['orders-team', 'payments-team', 'platform-admins']) {
      await waitForEntity(api, 'group', group);
    }
    await waitForEntity(api, 'group', 'payments-oncall');
  }, 120_000);
  afterAll(() => backend?.stop());

  it.each([
    ['sam of orders-team', 'user:default/sam', [ORDERS]],
    ['pat of payments-team', 'user:default/pat', [PAYMENTS]],
    ['cy of a child team of payments-team', 'user:default/cy', [PAYMENTS]],
    ['someone in no team', 'user:default/newcomer', []],
    ['ada of platform-admins', 'user:default/ada', 'all'],
  ])(
    'lets %s (%s) run the account actions in: %j',
    async (_who, user, accounts) => {
      const decision = await authorize(user, actionExecutePermission);
      expect(accountsOf(decision)).toEqual(accounts);
    },
  );

  it("limits only the account actions, by the accountId input: sam's condition in full", async () => {
    const decision = await authorize(
      'user:default/sam',
      actionExecutePermission,
    );

    const hasActionId = (actionId: string) => ({
      rule: 'HAS_ACTION_ID',
      resourceType: 'scaffolder-action',
      params: { actionId },
    });
    expect(decision.conditions).toEqual({
      anyOf: [
        {
          not: {
            anyOf: [
              hasActionId('internal-api:placement:resolve'),
              hasActionId('internal-api:dns:delegate'),
              hasActionId('internal-api:tgw:register-routes'),
            ],
          },
        },
        {
          rule: 'HAS_STRING_PROPERTY',
          resourceType: 'scaffolder-action',
          params: { key: 'accountId', value: ORDERS },
        },
      ],
    });
  });

  it('refuses the account actions outright to someone who may create in no account', async () => {
    const decision = await authorize(
      'user:default/newcomer',
      actionExecutePermission,
    );

    expect(decision.conditions).toEqual({
      not: { anyOf: expect.any(Array) },
    });
    expect(decision.conditions.not.anyOf).toHaveLength(3);
  });

  it.each([
    ['template parameters', templateParameterReadPermission],
    ['template steps', templateStepReadPermission],
  ])(
    'shows %s tagged internal-api-admin to admins only',
    async (_what, permission) => {
      const hidden = {
        result: 'CONDITIONAL',
        pluginId: 'scaffolder',
        resourceType: 'scaffolder-template',
        conditions: {
          not: {
            rule: 'HAS_TAG',
            resourceType: 'scaffolder-template',
            params: { tag: 'internal-api-admin' },
          },
        },
      };
      for (const user of ['sam', 'pat', 'cy', 'newcomer']) {
        expect(await authorize(`user:default/${user}`, permission)).toEqual(
          hidden,
        );
      }
      expect(await authorize('user:default/ada', permission)).toEqual({
        result: 'ALLOW',
      });
    },
  );

  it('allows what it has no rule for: creating tasks, reading the catalog', async () => {
    const catalogRead = {
      type: 'basic',
      name: 'catalog.entity.read',
      attributes: { action: 'read' },
    } as const;

    for (const permission of [taskCreatePermission, catalogRead]) {
      expect(await authorize('user:default/newcomer', permission)).toEqual({
        result: 'ALLOW',
      });
    }
  });
});

describe('InternalApiPermissionPolicy without a user', () => {
  it('allows a request no user made and reads no groups for it', async () => {
    // The permissions service allows service-to-service requests before asking any policy; a policy still must not fail on them.
    const groupParents = jest.fn();
    const policy = new InternalApiPermissionPolicy({
      access: { admins: [], workloadAccounts: [], consumers: [] },
      groupParents,
    });

    expect(
      await policy.handle({ permission: actionExecutePermission }, undefined),
    ).toEqual({ result: 'ALLOW' });
    expect(groupParents).not.toHaveBeenCalled();
  });
});
