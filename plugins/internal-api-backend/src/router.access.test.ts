import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { parseEntityYaml } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  backendApi,
  MotoServer,
  RecordingProxy,
  SANDBOX_ACCOUNTS,
  SANDBOX_GROUPS,
  seedLandscape,
  startMotoServer,
  startRecordingProxy,
} from '@internal/aws-sandbox';
import fs from 'node:fs';
import path from 'node:path';
import { auditEvents } from './__testUtils__/auditEvents';
import { userInfoFromMembership } from './__testUtils__/permissionServices';
import { internalApiPlugin } from './plugin';

/** The sandbox's people and teams (org/sandbox.yaml), parsed as the catalog parses the file. */
const orgFile = path.resolve(__dirname, '../../../org/sandbox.yaml');
const org: Entity[] = [
  ...parseEntityYaml(fs.readFileSync(orgFile), {
    type: 'file',
    target: orgFile,
  }),
].flatMap(result => (result.type === 'entity' ? [result.entity] : []));

/** A team inside the Orders team: its members count as members of orders-team. */
const checkoutTeam: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'checkout-team', namespace: 'default' },
  spec: { type: 'team', parent: 'orders-team', children: [] },
};
/** An API routed to both sandbox consumers, for the change-consumers form. */
const ordersApi: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'orders-api',
    namespace: 'default',
    annotations: {
      'internal-api.platform/consumers': 'customer-api,partner-api',
    },
  },
  spec: { type: 'service', lifecycle: 'experimental', owner: 'orders-team' },
};

const SAM = 'user:default/sam';
const PAT = 'user:default/pat';
const ADA = 'user:default/ada';
const CAM = 'user:default/cam';
const NOBODY = 'user:default/nobody';

/**
 * What each sandbox person may look up, in a real backend over moto behind a
 * recording proxy: sam (orders-team), pat (payments-team), ada (admin), cam
 * (checkout-team, a child of orders-team) and a user in no team.
 */
describe('the lookups list and read only what the user may use', () => {
  let moto: MotoServer;
  let proxy: RecordingProxy;
  let backend: TestBackend;
  const auditor = mockServices.auditor.mock();

  beforeAll(async () => {
    moto = await startMotoServer();
    const landscape = await seedLandscape(moto);
    proxy = await startRecordingProxy(moto.endpoint);
    process.env.AWS_ENDPOINT_URL = proxy.endpoint;
    backend = await startTestBackend({
      features: [
        internalApiPlugin,
        auditor.factory,
        mockServices.rootConfig.factory({ data: landscape.config }),
        catalogServiceMock.factory({
          entities: [...org, checkoutTeam, ordersApi],
        }),
        userInfoFromMembership({
          [SAM]: [SANDBOX_GROUPS.orders],
          [PAT]: [SANDBOX_GROUPS.payments],
          [ADA]: [SANDBOX_GROUPS.platformAdmins],
          [CAM]: ['group:default/checkout-team'],
        }),
      ],
    });
  }, 120_000);
  afterAll(async () => {
    await backend?.stop();
    await proxy?.stop();
    await moto?.stop();
  });

  const call = async (user: string, route: string, body?: object) => {
    const response = await backendApi(
      `http://localhost:${backend.server.port()}/api/internal-api`,
      mockCredentials.user.header(user),
    ).call(body ? 'POST' : 'GET', route, body);
    return { status: response.status, body: response.body };
  };
  const accountIds = async (user: string) =>
    (await call(user, '/accounts')).body.items.map(
      (a: { accountId: string }) => a.accountId,
    );
  /** `name access[ approvers][ current]` per consumer offered. */
  const consumers = async (user: string, query = '') => {
    const { status, body } = await call(user, `/consumers${query}`);
    expect(status).toBe(200);
    return body.items.map(
      (c: {
        name: string;
        cidr: string;
        access: { decision: string; approvers?: string[] };
        current?: boolean;
      }) =>
        [
          c.name,
          c.cidr,
          c.access.decision,
          ...(c.access.approvers ?? []),
          ...(c.current ? ['current'] : []),
        ].join(' '),
    );
  };

  it('lists each user the accounts they may create in: their team’s, a parent team’s, all for admins', async () => {
    const { orders, payments } = SANDBOX_ACCOUNTS;
    await expect(accountIds(SAM)).resolves.toEqual([orders]);
    await expect(accountIds(PAT)).resolves.toEqual([payments]);
    await expect(accountIds(ADA)).resolves.toEqual([orders, payments]);
    await expect(accountIds(CAM)).resolves.toEqual([orders]);
  });

  it('lists no account to a user in no team, with who owns which and how to get access', async () => {
    await expect(call(NOBODY, '/accounts')).resolves.toEqual({
      status: 200,
      body: {
        items: [],
        noAccountReason:
          'You may not create internal APIs in any workload account. ' +
          'Orders (sandbox) (444455556666) is owned by orders-team; Payments (sandbox) (555566667777) is owned by payments-team; ' +
          'admins (platform-admins) may use all. ' +
          'Ask a member of the owning team to add you to it (or to one of its child groups) in the catalog.',
      },
    });
  });

  it('lists the consumers each user may add, marking those that need an owner’s approval, and reads only their VPCs', async () => {
    await expect(consumers(SAM)).resolves.toEqual([
      'customer-api 10.40.0.0/16 allowed',
      'partner-api 10.50.0.0/16 needs-approval group:default/payments-team',
    ]);
    await expect(consumers(CAM)).resolves.toEqual(await consumers(SAM));
    await expect(consumers(ADA)).resolves.toEqual([
      'customer-api 10.40.0.0/16 allowed',
      'partner-api 10.50.0.0/16 allowed',
    ]);

    proxy.clear();
    await expect(consumers(PAT)).resolves.toEqual([
      'partner-api 10.50.0.0/16 allowed',
    ]);
    // customer-api is not offered to pat, so only partner-api's VPC is read for them.
    expect(
      proxy.calls().filter(c => c.operation === 'DescribeVpcs'),
    ).toHaveLength(1);

    // A user in no team may still ask for partner-api, whose owners approve requests.
    await expect(consumers(NOBODY)).resolves.toEqual([
      'partner-api 10.50.0.0/16 needs-approval group:default/payments-team',
    ]);
  });

  it("keeps an API's current consumers on offer, marked current, also one the user could not add today", async () => {
    await expect(
      consumers(PAT, '?currentOf=component:default/orders-api'),
    ).resolves.toEqual([
      'customer-api 10.40.0.0/16 refused current',
      'partner-api 10.50.0.0/16 allowed current',
    ]);
    // An API that is not in the catalog keeps nothing extra; the picker says it is missing.
    await expect(
      consumers(PAT, '?currentOf=component:default/gone-api'),
    ).resolves.toEqual(['partner-api 10.50.0.0/16 allowed']);
    await expect(
      call(
        PAT,
        '/consumers?currentOf=component:default/orders-api&currentOf=component:default/gone-api',
      ),
    ).resolves.toMatchObject({
      status: 400,
      body: { error: { name: 'InputError' } },
    });
  });

  it("refuses a preview or domain check in another team's account with the rule's sentence, asking AWS nothing", async () => {
    const refusal = {
      status: 403,
      body: {
        error: {
          name: 'NotAllowedError',
          message:
            'user:default/sam may not create internal APIs in account 555566667777 (Payments (sandbox)): ' +
            'only members of its owners group:default/payments-team (or of their child groups) and admins ' +
            '(group:default/platform-admins) may; ask an owner to add you to one of those groups in the catalog.',
        },
      },
    };
    proxy.clear();
    await expect(
      call(SAM, '/placement/preview', {
        accountId: SANDBOX_ACCOUNTS.payments,
        region: 'eu-west-1',
        subnetFilters: [{ name: 'tag:Tier', values: ['private'] }],
      }),
    ).resolves.toMatchObject(refusal);
    await expect(
      call(SAM, '/domain/check', {
        accountId: SANDBOX_ACCOUNTS.payments,
        domainName: 'payments.acme.com',
      }),
    ).resolves.toMatchObject(refusal);
    expect(proxy.calls()).toEqual([]);
    // Each refusal is an audit event naming who asked, where and why.
    const refusals = (await auditEvents(auditor)).filter(
      event => event.eventId === 'internal-api-refusal',
    );
    expect(
      refusals.map(event => [event.status, event.meta, event.error]),
    ).toEqual(
      ['/placement/preview', '/domain/check'].map(lookup => [
        'failed',
        { initiator: SAM, lookup, accountId: SANDBOX_ACCOUNTS.payments },
        refusal.body.error.message,
      ]),
    );

    // The same lookups in the user's own account read AWS as before.
    await expect(
      call(SAM, '/domain/check', {
        accountId: SANDBOX_ACCOUNTS.orders,
        domainName: 'orders.acme.com',
      }),
    ).resolves.toMatchObject({ status: 200, body: { problems: [] } });
    expect(proxy.calls().length).toBeGreaterThan(0);
  });
});
