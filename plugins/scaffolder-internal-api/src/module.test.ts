import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import {
  placementOf,
  Sandbox,
  SANDBOX_ACCOUNTS,
  SANDBOX_REGION,
  startSandbox,
} from '@internal/aws-sandbox';
import { auditEvents } from './__testUtils__/auditEvents';
import internalApiModule from './index';

const { orders: ORDERS_ACCOUNT, payments: PAYMENTS_ACCOUNT } = SANDBOX_ACCOUNTS;

/** A one-step template, as a template author would write around the action. */
const placementTemplate = {
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: { name: 'placement-only', namespace: 'default' },
  spec: {
    type: 'service',
    parameters: [],
    steps: [
      {
        id: 'placement',
        name: 'Resolve placement',
        action: 'internal-api:placement:resolve',
        input: {
          accountId: '${{ parameters.accountId }}',
          region: SANDBOX_REGION,
          subnetFilters: [{ name: 'tag:Tier', values: ['private'] }],
        },
      },
    ],
    output: { subnets: '${{ steps.placement.output.subnets }}' },
  },
};

describe('the internal-api module in a real scaffolder backend', () => {
  let sandbox: Sandbox;
  let backend: TestBackend;
  // The auditor every plugin of the backend gets: the module's events among the scaffolder's own.
  const auditor = mockServices.auditor.mock();

  const api = async (method: string, route: string, body?: unknown) => {
    const response = await fetch(
      `http://localhost:${backend.server.port()}${route}`,
      {
        method,
        headers: {
          authorization: mockCredentials.user.header(),
          'content-type': 'application/json',
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      },
    );
    return { status: response.status, body: await response.json() };
  };

  beforeAll(async () => {
    sandbox = await startSandbox();
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        scaffolderPlugin,
        internalApiModule,
        mockServices.rootConfig.factory({
          data: sandbox.landscape.config,
        }),
        auditor.factory,
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await backend?.stop();
    await sandbox?.stop();
  });

  it('lists its internal-api actions (not the GitHub check, installed with the publisher), placement with its input schema and examples', async () => {
    const { body } = await api('GET', '/api/scaffolder/v2/actions');
    expect(
      body
        .map((a: { id: string }) => a.id)
        .filter((id: string) => id.startsWith('internal-api:'))
        .sort(),
    ).toEqual([
      'internal-api:account:check-access',
      'internal-api:catalog:unregister',
      'internal-api:consumers:plan-change',
      'internal-api:consumers:write-change',
      'internal-api:dns:delegate',
      'internal-api:dns:undelegate',
      'internal-api:placement:resolve',
      'internal-api:report:changes',
      'internal-api:tgw:deregister-routes',
      'internal-api:tgw:register-routes',
    ]);
    const action = body.find(
      (a: { id: string }) => a.id === 'internal-api:placement:resolve',
    );

    expect(action.schema.input.required).toEqual(
      expect.arrayContaining(['accountId', 'region']),
    );
    expect(Object.keys(action.schema.input.properties)).toEqual([
      'accountId',
      'region',
      'vpcId',
      'subnetFilters',
      'image',
    ]);
    expect(Object.keys(action.schema.output.properties)).toEqual(
      expect.arrayContaining([
        'vpcId',
        'vpcCidr',
        'subnets',
        'availabilityZones',
      ]),
    );
    expect(action.examples).toHaveLength(2);
  });

  it('resolves the placement in a template dry-run', async () => {
    const { status, body } = await api('POST', '/api/scaffolder/v2/dry-run', {
      template: placementTemplate,
      values: { accountId: ORDERS_ACCOUNT },
      secrets: {},
      directoryContents: [],
    });

    expect(status).toBe(200);
    expect(
      body.output.subnets.map(
        (s: { availabilityZone: string }) => s.availabilityZone,
      ),
    ).toEqual(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
  });

  it('fails the dry-run with the refusal when a zone has two subnets', async () => {
    const { status, body } = await api('POST', '/api/scaffolder/v2/dry-run', {
      template: placementTemplate,
      values: { accountId: PAYMENTS_ACCOUNT },
      secrets: {},
      directoryContents: [],
    });

    expect(status).toBe(400);
    expect(body.error).toMatchObject({
      name: 'InputError',
      message: expect.stringContaining(
        'subnetFilters match more than one subnet in an Availability Zone (eu-west-1a:',
      ),
    });
    // The module got the backend's auditor and hands it to its actions.
    expect(await auditEvents(auditor, 'internal-api-refusal')).toEqual([
      expect.objectContaining({
        status: 'failed',
        meta: expect.objectContaining({
          initiator: mockCredentials.user().principal.userEntityRef,
          actionId: 'internal-api:placement:resolve',
          accountId: PAYMENTS_ACCOUNT,
          dryRun: true,
          message: body.error.message,
        }),
      }),
    ]);
  });

  it("refuses, on the server, consumers the signed-in user's teams may not add, in a dry-run too", async () => {
    const routesTemplate = {
      ...placementTemplate,
      metadata: { name: 'routes-only', namespace: 'default' },
      spec: {
        ...placementTemplate.spec,
        steps: [
          {
            id: 'routes',
            name: 'Check the routes',
            action: 'internal-api:tgw:register-routes',
            input: {
              ...placementOf(sandbox.landscape, 'orders'),
              consumers: ['customer-api'],
              planOnly: true,
            },
          },
        ],
        output: {},
      },
    };
    const { status, body } = await api('POST', '/api/scaffolder/v2/dry-run', {
      template: routesTemplate,
      values: {},
      secrets: {},
      directoryContents: [],
    });

    // user:default/mock is in no team: the module read its groups (user info, the catalog) and the config.
    const user = mockCredentials.user().principal.userEntityRef;
    expect(status).toBe(403);
    expect(body.error).toMatchObject({
      name: 'NotAllowedError',
      message:
        `${user} may not add consumer customer-api: only members of its owners group:default/orders-team ` +
        '(or of their child groups) and admins (group:default/platform-admins) may; ask an owner to add you to one of ' +
        'those groups in the catalog.\nNothing has been changed.',
    });
    const refusals = await auditEvents(auditor, 'internal-api-refusal');
    expect(
      refusals.filter(
        e => e.meta.actionId === 'internal-api:tgw:register-routes',
      ),
    ).toEqual([
      expect.objectContaining({
        meta: expect.objectContaining({
          initiator: user,
          refusal: 'NotAllowedError',
        }),
      }),
    ]);
  });
});
