import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exampleSteps } from '../__testUtils__/examples';
import { runAction } from '../__testUtils__/runAction';
import { createUnregisterEntityAction } from './unregisterEntity';
import { examples } from './unregisterEntity.examples';

/** What catalog:register registers for orders-api: its Component and its API, in one file. */
const ORDERS_API_FILE = `
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: orders-api
  annotations: { internal-api.platform/domain: orders.api.acme.com }
spec: { type: service, lifecycle: experimental, owner: platform, providesApis: [orders-api] }
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata: { name: orders-api }
spec: { type: openapi, lifecycle: experimental, owner: platform, definition: 'openapi: 3.0.0' }
`;

/**
 * The examples in order against Backstage's real catalog in a test backend,
 * orders-api registered by URL as catalog:register does: the check plans
 * and changes nothing, then the removal takes the location and both entities.
 */
describe('internal-api:catalog:unregister examples', () => {
  let files: http.Server;
  let backend: TestBackend;
  let catalog: CatalogService;
  let location: string;

  const credentials = { credentials: mockCredentials.user() };
  const inCatalog = async () =>
    (await catalog.getEntities({}, credentials)).items
      .filter(entity => entity.kind !== 'Location')
      .map(entity => `${entity.kind}:${entity.metadata.name}`)
      .sort();

  beforeAll(async () => {
    files = http.createServer((request, response) => {
      const found = request.url === '/orders-api.yaml';
      response.writeHead(found ? 200 : 404).end(found ? ORDERS_API_FILE : '');
    });
    await new Promise<void>(resolve => files.listen(0, '127.0.0.1', resolve));
    const host = `localhost:${(files.address() as AddressInfo).port}`;
    location = `url:http://${host}/orders-api.yaml`;
    // The catalog service as the scaffolder module gets it.
    const probe = createBackendPlugin({
      pluginId: 'probe',
      register(env) {
        env.registerInit({
          deps: { catalogService: catalogServiceRef, _: coreServices.logger },
          async init({ catalogService }) {
            catalog = catalogService;
          },
        });
      },
    });
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        probe,
        mockServices.rootConfig.factory({
          data: {
            backend: { reading: { allow: [{ host }] } },
            catalog: {
              rules: [{ allow: ['Component', 'API', 'Location'] }],
              processingInterval: { seconds: 1 },
            },
          },
        }),
      ],
    });
    await catalog.addLocation(
      { type: 'url', target: location.slice('url:'.length) },
      credentials,
    );
    for (let attempt = 0; (await inCatalog()).length < 2; attempt++) {
      if (attempt === 150) throw new Error('orders-api never appeared');
      await new Promise(resolve => setTimeout(resolve, 200));
    }
  }, 60_000);
  afterAll(async () => {
    await backend?.stop();
    files?.close();
  });

  const steps = exampleSteps(examples, {
    'parameters.entityRef': 'component:default/orders-api',
  });
  const expected = [
    { status: 'planned', after: ['API:orders-api', 'Component:orders-api'] },
    { status: 'removed', after: [] },
  ];

  it('has an expectation for each example', () => {
    expect(steps).toHaveLength(expected.length);
  });

  // In order: the check leaves the entities that the next example removes.
  it.each(steps.map((step, index) => [step.description, step, index] as const))(
    '%s',
    async (_, step, index) => {
      const action = createUnregisterEntityAction({ catalog });

      const outputs = await runAction(action, step.input);

      expect(step.action).toBe(action.id);
      expect(outputs).toEqual({
        status: expected[index].status,
        location,
        entityRefs: ['api:default/orders-api', 'component:default/orders-api'],
      });
      expect(await inCatalog()).toEqual(expected[index].after);
    },
  );
});
