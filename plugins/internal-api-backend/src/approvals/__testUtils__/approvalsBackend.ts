import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  backendApi,
  SANDBOX_ACCOUNTS,
  SANDBOX_GROUPS,
} from '@internal/aws-sandbox';
import type { Knex } from 'knex';
import { userInfoFromMembership } from '../../__testUtils__/permissionServices';
import { internalApiPlugin } from '../../plugin';

/** The sandbox's people (org/sandbox.yaml), a child team's member, and someone in no team. */
export const PEOPLE = {
  sam: 'user:default/sam',
  pat: 'user:default/pat',
  ada: 'user:default/ada',
  /** Only in payments-oncall, a child team of payments-team. */
  cy: 'user:default/cy',
  newcomer: 'user:default/newcomer',
} as const;

const MEMBERSHIP: Record<string, string[]> = {
  [PEOPLE.sam]: [SANDBOX_GROUPS.orders],
  [PEOPLE.pat]: [SANDBOX_GROUPS.payments],
  [PEOPLE.ada]: [SANDBOX_GROUPS.platformAdmins],
  [PEOPLE.cy]: ['group:default/payments-oncall'],
};

const group = (name: string, parent?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [], ...(parent && { parent }) },
});

const consumer = (
  name: string,
  accountId: string,
  owners: string[],
  approval?: 'required',
) => ({
  name,
  accountId,
  region: 'eu-west-1',
  vpcId: 'vpc-0123456789abcdef0',
  owners,
  ...(approval && { approval }),
});

/** Who may use what, as the sandbox's seedLandscape says it (no AWS is read here). */
export const SANDBOX_ACCESS_CONFIG = {
  internalApi: {
    admins: [SANDBOX_GROUPS.platformAdmins],
    workloadAccounts: [
      {
        accountId: SANDBOX_ACCOUNTS.orders,
        title: 'Orders (sandbox)',
        region: 'eu-west-1',
        vpcId: 'vpc-0123456789abcdef0',
        owners: [SANDBOX_GROUPS.orders],
      },
    ],
    consumers: [
      consumer('customer-api', SANDBOX_ACCOUNTS.customer, [
        SANDBOX_GROUPS.orders,
      ]),
      consumer(
        'partner-api',
        SANDBOX_ACCOUNTS.partner,
        [SANDBOX_GROUPS.payments],
        'required',
      ),
    ],
  },
};

/**
 * The internal-api plugin in a real test backend: its database is `knex`
 * (so a test can count rows), its auditor a mock whose events the test reads,
 * and the catalog holds the sandbox's groups.
 */
export async function startApprovalsBackend(knex: Knex) {
  const auditor = mockServices.auditor.mock();
  const backend = await startTestBackend({
    features: [
      internalApiPlugin,
      auditor.factory,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({ data: SANDBOX_ACCESS_CONFIG }),
      userInfoFromMembership(MEMBERSHIP),
      catalogServiceMock.factory({
        entities: [
          group('orders-team'),
          group('payments-team'),
          group('payments-oncall', 'payments-team'),
          group('platform-admins'),
        ],
      }),
    ],
  });
  const baseUrl = `http://localhost:${backend.server.port()}/api/internal-api`;

  /** Calls the plugin as `user`: GET without a body, POST with one. */
  const call = async (user: string, route: string, body?: object) => {
    const response = await backendApi(
      baseUrl,
      mockCredentials.user.header(user),
    ).call(body ? 'POST' : 'GET', route, body);
    return { status: response.status, body: response.body };
  };

  return { backend, baseUrl, auditor, call };
}
