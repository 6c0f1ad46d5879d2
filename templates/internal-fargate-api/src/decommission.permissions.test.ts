import {
  coreServices,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import scaffolderEntityModelModule from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import {
  createScaffolderTemplateConditionalDecision,
  scaffolderTemplateConditions,
} from '@backstage/plugin-scaffolder-backend/alpha';
import {
  backendApi,
  BackendApi,
  landscapeState,
  runTask,
  Sandbox,
  startSandbox,
  waitForEntity,
} from '@internal/aws-sandbox';
import internalApiModule from '@internal/plugin-scaffolder-backend-module-internal-api';
import localGitPublisher, {
  localGitUrlReaderFactory,
} from '@internal/plugin-scaffolder-backend-module-local-git';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  DECOMMISSION_TEMPLATE_REF,
  TEMPLATE_REF,
  taskUserInfo,
} from './__testUtils__/taskBackend';
import { ORDERS_API } from './ordersApi';
import { templateDir } from './templateFiles';

const ADMIN_TAG = 'internal-api-admin';
const TAGGED = [
  'scaffolder.template.parameter.read',
  'scaffolder.template.step.read',
];

/**
 * The policy the permissions issue needs, as a permission policy would decide
 * it for someone who is not a platform admin: template parameters and steps
 * tagged internal-api-admin are not theirs to see; everything else is allowed.
 */
function notAnAdmin(): PermissionsService {
  const allowAll = mockServices.permissions();
  type TemplatePermission = Parameters<
    typeof createScaffolderTemplateConditionalDecision
  >[0];
  return {
    authorize: (requests, options) => allowAll.authorize(requests, options),
    async authorizeConditional(requests, options) {
      const allowed = await allowAll.authorizeConditional(requests, options);
      return requests.map((request, index) =>
        TAGGED.includes(request.permission.name)
          ? createScaffolderTemplateConditionalDecision(
              request.permission as TemplatePermission,
              { not: scaffolderTemplateConditions.hasTag({ tag: ADMIN_TAG }) },
            )
          : allowed[index],
      );
    },
  };
}

/**
 * The cleanup path's permission tag with a policy installed, in a real
 * scaffolder and catalog on the sandbox: someone who is not a platform admin
 * gets the catalog path only, in the form and in the task, even when they
 * send the cleanup values straight to the API. The API left behind is
 * orders-api, created and then removed from the catalog (as a creation that
 * failed at catalog:register leaves it).
 */
describe('the Decommission template for someone who is not a platform admin', () => {
  let sandbox: Sandbox;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let api: BackendApi;
  const gitDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'local-git-'));

  beforeAll(async () => {
    sandbox = await startSandbox();
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        scaffolderEntityModelModule,
        scaffolderPlugin,
        internalApiModule,
        localGitPublisher,
        localGitUrlReaderFactory,
        // Of the Orders team: may create orders-api, is not an admin.
        taskUserInfo(['group:default/orders-team']),
        createServiceFactory({
          service: coreServices.permissions,
          deps: {},
          factory: notAnAdmin,
        }),
        mockServices.rootConfig.factory({
          data: {
            ...sandbox.landscape.config,
            localGitPublisher: { directory: gitDirectory },
            catalog: {
              rules: [{ allow: ['Component', 'API', 'Location', 'Template'] }],
              locations: ['template.yaml', 'decommission.yaml'].map(file => ({
                type: 'file',
                target: path.join(templateDir, file),
              })),
            },
          },
        }),
      ],
    });
    api = backendApi(
      `http://localhost:${backend.server.port()}`,
      mockCredentials.user.header(),
    );
    await waitForEntity(api, 'template', 'decommission-internal-api');
    const created = await runTask(api, TEMPLATE_REF, ORDERS_API);
    if (created.status !== 'completed') {
      throw new Error(`orders-api's creation ended ${created.status}`);
    }
    await waitForEntity(api, 'component', 'orders-api');
    const { body: location } = await api.get(
      '/api/catalog/locations/by-entity/component/default/orders-api',
    );
    await api.call('DELETE', `/api/catalog/locations/${location.id}`);
  }, 240_000);
  afterAll(async () => {
    await backend?.stop();
    await sandbox?.stop();
    fs.rmSync(gitDirectory, { recursive: true, force: true });
  });

  it('the form has the API page only: the cleanup choice is not shown', async () => {
    const { status, body } = await api.get(
      '/api/scaffolder/v2/templates/default/template/decommission-internal-api/parameter-schema',
    );

    expect(status).toBe(200);
    expect(body.steps.map((step: { title: string }) => step.title)).toEqual([
      'API',
    ]);
  });

  it('cleanup values sent to the API run no step that reads them: nothing in AWS changes', async () => {
    const before = await landscapeState(sandbox.moto, sandbox.landscape);
    sandbox.proxy.clear();

    const task = await runTask(api, DECOMMISSION_TEMPLATE_REF, {
      source: 'half-created',
      accountId: ORDERS_API.accountId,
      region: ORDERS_API.region,
      name: ORDERS_API.name,
      domainName: ORDERS_API.domainName,
      consumers: ORDERS_API.consumers,
    });

    // The tagged check is not in the task at all; every other step skips (its `if` is false).
    expect(task.status).toBe('completed');
    const last = new Map(
      task.events
        .filter(event => event.body.stepId && event.body.status)
        .map(event => [event.body.stepId, event.body.status]),
    );
    expect(Object.fromEntries(last)).toEqual({
      fetch: 'skipped',
      checkDns: 'skipped',
      checkRoutes: 'skipped',
      checkCatalog: 'skipped',
      routes: 'skipped',
      dns: 'skipped',
      unregister: 'skipped',
    });
    expect(sandbox.proxy.calls().filter(call => call.write)).toEqual([]);
    expect(await landscapeState(sandbox.moto, sandbox.landscape)).toEqual(
      before,
    );
    expect(JSON.stringify(before.hostedZones)).toMatch(
      /orders\.api\.acme\.com/,
    );
  }, 60_000);
});
