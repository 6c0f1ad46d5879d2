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
  placementOf,
  type Sandbox,
  SANDBOX_ACCOUNTS,
  SANDBOX_GROUPS,
  SANDBOX_REGION,
  type SandboxLandscape,
  startSandbox,
  waitForEntity,
} from '@internal/aws-sandbox';
import {
  REGISTER_ROUTES_ACTION_ID,
  RESOLVE_PLACEMENT_ACTION_ID,
} from '@internal/plugin-internal-api-common';
import internalApiModule from '@internal/plugin-scaffolder-backend-module-internal-api';
import path from 'node:path';
import {
  authWithPluginActor,
  userInfoFromMembership,
} from '../__testUtils__/permissionServices';
import { serveFiles } from '../__testUtils__/servedFiles';
import { permissionModuleInternalApiPolicy } from './module';

/**
 * Issue 17's permission matrix, user × action × account / consumer / entity,
 * against the real permission backend, catalog and scaffolder: each row is a
 * direct dry run of one step (POST /api/scaffolder/v2/dry-run), past the
 * form. The policy refuses accounts before the step runs; the actions refuse
 * consumers and entities themselves. No row writes to AWS; a refused row
 * makes no AWS call at all.
 */
const SAM = 'user:default/sam'; // orders-team
const PAT = 'user:default/pat'; // payments-team
const ADA = 'user:default/ada'; // platform-admins
const LEE = 'user:default/lee'; // no team
const CY = 'user:default/cy'; // payments-oncall, a child team of payments-team (__fixtures__/childTeam.yaml)
const ORDERS_API = 'component:default/orders-api'; // __fixtures__/ordersApi.yaml
const ADMINS = `admins (${SANDBOX_GROUPS.platformAdmins})`;
const NOTHING_CHANGED = 'Nothing has been changed.';

type Step = { action: string; input: Record<string, unknown> };
type StepOf = (landscape: SandboxLandscape) => Step;
type Vpc = 'orders' | 'payments';

// Payments has two private subnets in one zone: pick one per zone, as its owners would.
const SUBNET_FILTERS = {
  orders: [{ name: 'tag:Tier', values: ['private'] }],
  payments: [{ name: 'cidr-block', values: ['10.20.1.0/24', '10.20.3.0/24'] }],
};
const placement =
  (vpc: Vpc): StepOf =>
  () => ({
    action: RESOLVE_PLACEMENT_ACTION_ID,
    input: {
      accountId: SANDBOX_ACCOUNTS[vpc],
      region: SANDBOX_REGION,
      subnetFilters: SUBNET_FILTERS[vpc],
    },
  });
/** The create template's checkRoutes step, on the VPC's private subnets as a placement outputs them. */
const checkRoutes =
  (vpc: Vpc, consumers: string[]): StepOf =>
  landscape => {
    const { accountId, region, vpcId, subnets } = placementOf(landscape, vpc);
    return {
      action: REGISTER_ROUTES_ACTION_ID,
      input: {
        accountId,
        region,
        vpcId,
        subnets: subnets.map(({ routeTableId }) => ({ routeTableId })),
        consumers,
        domainName: 'new.api.acme.com',
        planOnly: true,
      },
    };
  };
const unregister: StepOf = () => ({
  action: 'internal-api:catalog:unregister',
  input: { entityRef: ORDERS_API, planOnly: true },
});
const deregister =
  (halfCreated: boolean): StepOf =>
  () => ({
    action: 'internal-api:tgw:deregister-routes',
    input: {
      accountId: SANDBOX_ACCOUNTS.orders,
      region: SANDBOX_REGION,
      consumers: ['customer-api'],
      decommission: true,
      ...(halfCreated ? { halfCreated } : { entityRef: ORDERS_API }),
      planOnly: true,
    },
  });

/** A completed step: its log matches; `reads` are AWS calls it must have made (none: it makes none). */
const allowed = (log: RegExp, reads: string[] = [], approvalAsked = false) => ({
  status: 200,
  error: undefined,
  completed: true,
  log: expect.stringMatching(log),
  approvalAsked,
  awsCalls: reads.length > 0 ? expect.arrayContaining(reads) : [],
  awsWrites: [],
});
const refused = (message: string) => ({
  status: 403,
  error: { name: 'NotAllowedError', message },
  completed: false,
  awsCalls: [],
  awsWrites: [],
});
/** The scaffolder's refusal of a step the policy's conditions do not allow. */
const policyRefused = (actionId: string) =>
  refused(`Unauthorized action: ${actionId}. The action is not allowed.`);
const consumerRefused = (user: string, consumer: string, owner: string) =>
  refused(
    `${user} may not add consumer ${consumer}: only members of its owners ${owner} (or of their child groups) ` +
      `and ${ADMINS} may; ask an owner to add you to one of those groups in the catalog.\n${NOTHING_CHANGED}`,
  );
const entityRefused = (user: string) =>
  refused(
    `${user} may not change or decommission ${ORDERS_API}: only its owner ${SANDBOX_GROUPS.orders} and ${ADMINS} may; ` +
      `ask a member of ${SANDBOX_GROUPS.orders} to do it or to add you to it in the catalog. ${NOTHING_CHANGED}`,
  );
const cleanUpRefused = (user: string) =>
  refused(
    `${user} may not clean up half-created APIs: only ${ADMINS} may; ask one of them. ${NOTHING_CHANGED}`,
  );

const PLACED_IN_ORDERS = /Placement in vpc-\w+ \(10\.10\.0\.0\/16\)/;
const PLACED_IN_PAYMENTS = /Placement in vpc-\w+ \(10\.20\.0\.0\/16\)/;
const ROUTES_PLANNED = /Plan only, would create \d+ of \d+ routes/;
// No API has routes in the sandbox yet: the plan finds each route absent.
const NOTHING_TO_REMOVE = /No route to remove\.[\s\S]*Already absent: 6\./;
const HALF_CREATED_PLANNED =
  /each of the 0 catalog entities in vpc-\w+ counts as another API\.[\s\S]*No route to remove\./;
const UNREGISTER_PLANNED = new RegExp(
  `Plan only, would unregister url:http://localhost:\\d+/ordersApi\\.yaml, with ${ORDERS_API}\\.`,
);
// AWS calls an allowed row must have made: it got past the checks. EC2 dry runs are not writes.
const PLACEMENT_READS = ['DescribeSubnets'];
const ROUTE_READS = ['DescribeRouteTables', 'CreateRoute (dry run)'];
const REMOVAL_READS = ['DescribeRouteTables', 'SearchTransitGatewayRoutes'];
const APPROVAL_LINE =
  /Adding consumer partner-api needs the approval of a member of group:default\/payments-team: a real run stops here and asks them\./;

type Row = [user: string, what: string, step: StepOf, expected: object];

describe('the permission matrix against the real permission backend', () => {
  let sandbox: Sandbox;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let files: Awaited<ReturnType<typeof serveFiles>>;
  const ordersApiFile = path.resolve(__dirname, '__fixtures__/ordersApi.yaml');
  const baseUrl = () => `http://localhost:${backend.server.port()}`;

  beforeAll(async () => {
    sandbox = await startSandbox();
    files = await serveFiles([ordersApiFile]);
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
          [SAM]: [SANDBOX_GROUPS.orders],
          [PAT]: [SANDBOX_GROUPS.payments],
          [ADA]: [SANDBOX_GROUPS.platformAdmins],
          [CY]: ['group:default/payments-oncall'],
        }),
        mockServices.rootConfig.factory({
          data: {
            ...sandbox.landscape.config,
            permission: { enabled: true },
            backend: { reading: { allow: [{ host: files.host }] } },
            catalog: {
              rules: [{ allow: ['Group', 'User', 'Location', 'Component'] }],
              locations: [
                path.resolve(__dirname, '../../../../org/sandbox.yaml'),
                path.resolve(__dirname, '__fixtures__/childTeam.yaml'),
              ].map(target => ({ type: 'file', target })),
            },
          },
        }),
      ],
    });
    const api = backendApi(baseUrl(), mockCredentials.service.header());
    // Registered by URL, as catalog:register does: catalog:unregister removes only such locations.
    const registered = await api.post('/api/catalog/locations', {
      type: 'url',
      target: files.urlOf(ordersApiFile),
    });
    if (registered.status !== 201) {
      throw new Error(`Registering orders-api: HTTP ${registered.status}`);
    }
    // The policy and the actions keep the groups they read for a minute: ask only once the catalog has them.
    for (const group of [
      'orders-team',
      'payments-team',
      'payments-oncall',
      'platform-admins',
    ]) {
      await waitForEntity(api, 'group', group);
    }
    await waitForEntity(api, 'component', 'orders-api');
  }, 180_000);
  afterAll(async () => {
    await backend?.stop();
    await files?.close();
    await sandbox?.stop();
  });

  /** A dry run of the steps as the user, and what it did: outcome, log, AWS calls. */
  async function dryRun(user: string, steps: Step[]) {
    sandbox.proxy.clear();
    const api = backendApi(baseUrl(), mockCredentials.user.header(user));
    const { status, body } = await api.post('/api/scaffolder/v2/dry-run', {
      template: {
        apiVersion: 'scaffolder.backstage.io/v1beta3',
        kind: 'Template',
        metadata: { name: 'permission-matrix' },
        spec: {
          type: 'service',
          steps: steps.map((step, index) => ({ id: `step${index}`, ...step })),
        },
      },
      values: {},
      secrets: {},
      directoryContents: [],
    });
    const events = (body?.log ?? []).map((entry: any) => entry.body);
    const log = events.map((event: any) => event.message).join('\n');
    const calls = sandbox.proxy.calls();
    return {
      status,
      error: body?.error && {
        name: body.error.name,
        message: body.error.message,
      },
      completed: steps.every((_, index) =>
        events.some(
          (e: any) => e.stepId === `step${index}` && e.status === 'completed',
        ),
      ),
      log,
      approvalAsked: /needs the approval/.test(log),
      awsCalls: calls.map(call => call.operation),
      awsWrites: calls.filter(call => call.write).map(call => call.operation),
    };
  }

  // The policy: the account actions only in an account the user owns (through a parent team too) or as an admin.
  // prettier-ignore
  const accountRows: Row[] = [
    [SAM, 'placement in Orders', placement('orders'), allowed(PLACED_IN_ORDERS, PLACEMENT_READS)],
    [SAM, 'placement in Payments', placement('payments'), policyRefused(RESOLVE_PLACEMENT_ACTION_ID)],
    [PAT, 'placement in Orders', placement('orders'), policyRefused(RESOLVE_PLACEMENT_ACTION_ID)],
    [PAT, 'placement in Payments', placement('payments'), allowed(PLACED_IN_PAYMENTS, PLACEMENT_READS)],
    [CY, 'placement in Payments', placement('payments'), allowed(PLACED_IN_PAYMENTS, PLACEMENT_READS)],
    [CY, 'placement in Orders', placement('orders'), policyRefused(RESOLVE_PLACEMENT_ACTION_ID)],
    [ADA, 'placement in Orders', placement('orders'), allowed(PLACED_IN_ORDERS, PLACEMENT_READS)],
    [ADA, 'placement in Payments', placement('payments'), allowed(PLACED_IN_PAYMENTS, PLACEMENT_READS)],
    [LEE, 'placement in Orders', placement('orders'), policyRefused(RESOLVE_PLACEMENT_ACTION_ID)],
    [LEE, 'placement in Payments', placement('payments'), policyRefused(RESOLVE_PLACEMENT_ACTION_ID)],
  ];

  // The account as above, then the action: each consumer's owners or an admin; partner-api's approve others.
  // prettier-ignore
  const consumerRows: Row[] = [
    [SAM, 'routes in Orders + customer-api', checkRoutes('orders', ['customer-api']), allowed(ROUTES_PLANNED, ROUTE_READS)],
    [SAM, 'routes in Orders + partner-api (needs approval)', checkRoutes('orders', ['partner-api']), allowed(APPROVAL_LINE, ROUTE_READS, true)],
    [SAM, 'routes in Payments + customer-api', checkRoutes('payments', ['customer-api']), policyRefused(REGISTER_ROUTES_ACTION_ID)],
    [PAT, 'routes in Payments + partner-api', checkRoutes('payments', ['partner-api']), allowed(ROUTES_PLANNED, ROUTE_READS)],
    [PAT, 'routes in Payments + customer-api', checkRoutes('payments', ['customer-api']), consumerRefused(PAT, 'customer-api', SANDBOX_GROUPS.orders)],
    [PAT, 'routes in Payments + partner-api, customer-api', checkRoutes('payments', ['partner-api', 'customer-api']), consumerRefused(PAT, 'customer-api', SANDBOX_GROUPS.orders)],
    [PAT, 'routes in Orders + partner-api', checkRoutes('orders', ['partner-api']), policyRefused(REGISTER_ROUTES_ACTION_ID)],
    [CY, 'routes in Payments + partner-api', checkRoutes('payments', ['partner-api']), allowed(ROUTES_PLANNED, ROUTE_READS)],
    [CY, 'routes in Payments + customer-api', checkRoutes('payments', ['customer-api']), consumerRefused(CY, 'customer-api', SANDBOX_GROUPS.orders)],
    [ADA, 'routes in Orders + customer-api, partner-api', checkRoutes('orders', ['customer-api', 'partner-api']), allowed(ROUTES_PLANNED, ROUTE_READS)],
    [ADA, 'routes in Payments + customer-api', checkRoutes('payments', ['customer-api']), allowed(ROUTES_PLANNED, ROUTE_READS)],
    [LEE, 'routes in Orders + customer-api', checkRoutes('orders', ['customer-api']), policyRefused(REGISTER_ROUTES_ACTION_ID)],
  ];

  // The actions: the API's owner or an admin; what no entity owns (half-created), admins only.
  // prettier-ignore
  const entityRows: Row[] = [
    [SAM, 'unregister orders-api', unregister, allowed(UNREGISTER_PLANNED)],
    [PAT, 'unregister orders-api', unregister, entityRefused(PAT)],
    [CY, 'unregister orders-api', unregister, entityRefused(CY)],
    [LEE, 'unregister orders-api', unregister, entityRefused(LEE)],
    [ADA, 'unregister orders-api', unregister, allowed(UNREGISTER_PLANNED)],
    [SAM, 'deregister orders-api', deregister(false), allowed(NOTHING_TO_REMOVE, REMOVAL_READS)],
    [PAT, 'deregister orders-api', deregister(false), entityRefused(PAT)],
    [ADA, 'deregister orders-api', deregister(false), allowed(NOTHING_TO_REMOVE, REMOVAL_READS)],
    [SAM, 'deregister half-created', deregister(true), cleanUpRefused(SAM)],
    [PAT, 'deregister half-created', deregister(true), cleanUpRefused(PAT)],
    [ADA, 'deregister half-created', deregister(true), allowed(HALF_CREATED_PLANNED, REMOVAL_READS)],
  ];

  it.each([...accountRows, ...consumerRows, ...entityRows])(
    '%s: %s',
    async (user, _what, step, expected) => {
      const run = await dryRun(user, [step(sandbox.landscape)]);
      expect(run).toMatchObject(expected);
    },
    60_000,
  );

  it('leaves orders-api in the catalog after every row', async () => {
    const api = backendApi(baseUrl(), mockCredentials.service.header());
    const { status } = await api.get(
      `/api/catalog/entities/by-name/component/default/orders-api`,
    );
    expect(status).toBe(200);
  });
});
