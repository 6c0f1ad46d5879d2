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
import { runAction } from '../__testUtils__/runAction';
import { createUnregisterEntityAction } from './unregisterEntity';

/** What catalog:register registers for an API: its Component and its API, in one file. */
const apiFile = (name: string, annotations: Record<string, string>) => `
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  annotations: ${JSON.stringify(annotations)}
spec: { type: service, lifecycle: experimental, owner: platform, providesApis: [${name}] }
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata: { name: ${name} }
spec: { type: openapi, lifecycle: experimental, owner: platform, definition: 'openapi: 3.0.0' }
`;

const FILES: Record<string, string> = {
  '/orders-api.yaml': apiFile('orders-api', {
    'internal-api.platform/domain': 'orders.api.acme.com',
  }),
  '/billing-api.yaml': apiFile('billing-api', {
    'internal-api.platform/domain': 'billing.api.acme.com',
  }),
  '/website.yaml': apiFile('website', {}),
};

/**
 * The action against Backstage's real catalog in a test backend, with the
 * locations registered by URL as catalog:register does (files served here).
 */
describe('internal-api:catalog:unregister against a real catalog', () => {
  let files: http.Server;
  let backend: TestBackend;
  let catalog: CatalogService;
  let baseUrl: string;

  const credentials = { credentials: mockCredentials.user() };
  const refsInCatalog = async () =>
    (await catalog.getEntities({}, credentials)).items
      .filter(entity => entity.kind !== 'Location')
      .map(entity => `${entity.kind}:${entity.metadata.name}`)
      .sort();
  const register = async (file: string) => {
    await catalog.addLocation(
      { type: 'url', target: `${baseUrl}${file}` },
      credentials,
    );
  };
  const waitFor = async (ref: string) => {
    for (let attempt = 0; attempt < 150; attempt++) {
      if (await catalog.getEntityByRef(ref, credentials)) return;
      await new Promise(resolve => setTimeout(resolve, 200));
    }
    throw new Error(`${ref} never appeared in the catalog`);
  };

  beforeAll(async () => {
    files = http.createServer((request, response) => {
      const body = FILES[request.url ?? ''];
      response.writeHead(body ? 200 : 404).end(body ?? '');
    });
    await new Promise<void>(resolve => files.listen(0, '127.0.0.1', resolve));
    const host = `localhost:${(files.address() as AddressInfo).port}`;
    baseUrl = `http://${host}`;
    // The catalog service as any backend plugin gets it (the scaffolder among them).
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
    for (const file of Object.keys(FILES)) await register(file);
    for (const name of ['orders-api', 'billing-api', 'website']) {
      await waitFor(`component:default/${name}`);
      await waitFor(`api:default/${name}`);
    }
  }, 60_000);
  afterAll(async () => {
    await backend?.stop();
    files?.close();
  });

  const action = () => createUnregisterEntityAction({ catalog });

  it('plans without a change: the location and both entities it holds', async () => {
    const outputs = await runAction(action(), {
      entityRef: 'orders-api',
      planOnly: true,
    });

    expect(outputs).toEqual({
      status: 'planned',
      location: `url:${baseUrl}/orders-api.yaml`,
      entityRefs: ['api:default/orders-api', 'component:default/orders-api'],
    });
    expect(await refsInCatalog()).toContain('Component:orders-api');
  });

  it('refuses an entity that is not an internal API, naming it, and changes nothing', async () => {
    const before = await refsInCatalog();

    await expect(
      runAction(action(), { entityRef: 'component:default/website' }),
    ).rejects.toThrow(
      "entityRef 'component:default/website' is not an internal API (it has no internal-api.platform/domain annotation)",
    );
    expect(await refsInCatalog()).toEqual(before);
  });

  it('removes the location with its Component and API, leaves the rest, and is absent on a re-run', async () => {
    const log: string[] = [];
    const outputs = await runAction(
      action(),
      { entityRef: 'component:default/orders-api' },
      { log },
    );

    expect(outputs.status).toBe('removed');
    expect(log).toEqual([
      `Unregistered url:${baseUrl}/orders-api.yaml, with api:default/orders-api, component:default/orders-api.`,
    ]);
    expect(await refsInCatalog()).toEqual([
      'API:billing-api',
      'API:website',
      'Component:billing-api',
      'Component:website',
    ]);
    const { items: locations } = await catalog.getLocations({}, credentials);
    expect(locations.map(l => l.target)).not.toContain(
      `${baseUrl}/orders-api.yaml`,
    );

    const again = await runAction(action(), {
      entityRef: 'component:default/orders-api',
    });
    expect(again).toEqual({ status: 'absent', entityRefs: [] });
  });

  it('refuses a malformed ref, naming the input', async () => {
    await expect(
      runAction(action(), { entityRef: 'component:' }),
    ).rejects.toThrow("entityRef 'component:' is not an entity ref");
  });
});
