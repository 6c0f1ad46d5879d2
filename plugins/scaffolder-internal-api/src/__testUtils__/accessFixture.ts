import type {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { parseEntityYaml } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type {
  ConsumerApprovalAsk,
  ConsumerApprovalRequest,
  ConsumerApprovalState,
} from '@internal/plugin-internal-api-common';
import {
  type AccessConfig,
  catalogGroupParents,
  type ConsumerApprovals,
  createUserAccessReader,
} from '@internal/plugin-internal-api-node';
import fs from 'node:fs';
import path from 'node:path';
import type { ActionAccess } from '../access/actionAccess';

const orgFile = path.resolve(__dirname, '../../../../org/sandbox.yaml');

const group = (name: string, parent?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [], ...(parent && { parent }) },
});
const person = (name: string, memberOf: string[]): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { memberOf },
});

/**
 * org/sandbox.yaml's people (sam: Orders, pat: Payments, ada: admin) and the
 * tests' own: pia in a child group of payments-team, nora in no team, and
 * jane.doe, runAction's default user, an admin so the examples and the
 * tests that are not about access run as someone who may.
 */
export const TEST_ORG: Entity[] = [
  ...[
    ...parseEntityYaml(fs.readFileSync(orgFile), {
      type: 'file',
      target: orgFile,
    }),
  ].flatMap(result => (result.type === 'entity' ? [result.entity] : [])),
  group('payments-oncall', 'payments-team'),
  person('pia', ['payments-oncall']),
  person('nora', []),
  person('jane.doe', ['platform-admins']),
];

/** The test people's refs. */
export const PEOPLE = {
  sam: 'user:default/sam',
  pat: 'user:default/pat',
  ada: 'user:default/ada',
  pia: 'user:default/pia',
  nora: 'user:default/nora',
} as const;

/** The Orders team's API, as the catalog holds it after creation: owned by orders-team, with customer-api. */
export const ORDERS_API: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'orders-api', namespace: 'default' },
  spec: { type: 'service', lifecycle: 'experimental', owner: 'orders-team' },
};

/** Backstage's user info as a sign-in resolver fills it: the user and their direct groups. */
const orgUserInfo = {
  async getUserInfo(credentials: BackstageCredentials) {
    const { userEntityRef } = credentials.principal as BackstageUserPrincipal;
    const entity = TEST_ORG.find(
      e =>
        e.kind === 'User' &&
        `user:default/${e.metadata.name}` === userEntityRef,
    );
    const groups = (entity?.spec?.memberOf as string[] | undefined) ?? [];
    return {
      userEntityRef,
      ownershipEntityRefs: [
        userEntityRef,
        ...groups.map(name => `group:default/${name}`),
      ],
    };
  },
};

/**
 * The internal-api backend's approvals, in memory, as its contract says:
 * one request per task and consumer, whoever asks again gets it back.
 * `decide` plays the consumer's owner in the app.
 */
export class InMemoryApprovals implements ConsumerApprovals {
  readonly requests = new Map<string, ConsumerApprovalRequest>();
  /** Every call of `request`, new or not. */
  readonly asked: ConsumerApprovalAsk[] = [];

  async request(
    ask: ConsumerApprovalAsk,
    options: { credentials: BackstageCredentials<BackstageUserPrincipal> },
  ) {
    this.asked.push(ask);
    const key = `${ask.taskId}/${ask.consumer}`;
    if (!this.requests.has(key)) {
      this.requests.set(key, {
        ...ask,
        id: `approval-${this.requests.size + 1}`,
        requestedBy: options.credentials.principal.userEntityRef,
        requestedAt: '2026-11-26T10:00:00.000Z',
        approvers: [],
        state: 'pending',
      });
    }
    return { ...this.requests.get(key)! };
  }

  /** Decides every request for `consumer`. */
  decide(
    consumer: string,
    state: ConsumerApprovalState,
    decidedBy: string,
    comment?: string,
  ) {
    for (const request of this.requests.values()) {
      if (request.consumer === consumer) {
        Object.assign(request, {
          state,
          decidedBy,
          decidedAt: '2026-11-26T11:00:00.000Z',
          ...(comment && { comment }),
        });
      }
    }
  }
}

export const TEST_APP_BASE_URL = 'http://localhost:3000';

/** The actions' access as module.ts builds it, over TEST_ORG and in-memory approvals. */
export function testAccess(config: AccessConfig) {
  const approvals = new InMemoryApprovals();
  const access = {
    userAccess: createUserAccessReader({
      userInfo: orgUserInfo,
      groupParents: catalogGroupParents({
        catalog: catalogServiceMock({ entities: TEST_ORG }),
        auth: mockServices.auth(),
      }),
      config,
    }),
    approvals,
    appBaseUrl: TEST_APP_BASE_URL,
  } satisfies ActionAccess;
  return access;
}

/** The sandbox's access config (aws-sandbox's seedLandscape), for tests without a landscape. */
export const SANDBOX_ACCESS: AccessConfig = {
  admins: ['group:default/platform-admins'],
  workloadAccounts: [],
  consumers: [],
};

/** What an action that checks access takes, over a catalog holding `entities`. */
export function accessOptions(
  entities: Entity[] = [],
  config: AccessConfig = SANDBOX_ACCESS,
) {
  return {
    catalog: catalogServiceMock({ entities }),
    auth: mockServices.auth(),
    access: testAccess(config),
  };
}

/** The sentences the tests expect, as the rules word them, with what every refusal ends with. */
export const NOTHING_CHANGED = 'Nothing has been changed.';
export const REFUSALS = {
  notTheOwner: (user: string, entityRef: string) =>
    `${user} may not change or decommission ${entityRef}: only its owner group:default/orders-team and admins ` +
    `(group:default/platform-admins) may; ask a member of group:default/orders-team to do it or to add you to it in the catalog. ${NOTHING_CHANGED}`,
  notAnAdmin: (user: string) =>
    `${user} may not clean up half-created APIs: only admins (group:default/platform-admins) may; ask one of them. ${NOTHING_CHANGED}`,
};
