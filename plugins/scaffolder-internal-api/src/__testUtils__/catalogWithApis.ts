import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What catalog:register registers for an API: its Component and its API, in one file. */
const apiFile = (
  name: string,
  annotations: Record<string, string>,
  owner = 'platform',
) => `
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  annotations: ${JSON.stringify(annotations)}
spec: { type: service, lifecycle: experimental, owner: ${owner}, providesApis: [${name}] }
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata: { name: ${name} }
spec: { type: openapi, lifecycle: experimental, owner: ${owner}, definition: 'openapi: 3.0.0' }
`;

/**
 * Backstage's real catalog in a test backend holding `apis` (each served
 * over HTTP as `/<name>.yaml` and registered by URL, as catalog:register
 * does). Resolves once each one's Component and API are in the catalog.
 */
export async function startCatalogWithApis(
  apis: {
    name: string;
    annotations: Record<string, string>;
    /** The Component's and API's spec.owner; platform by default. */
    owner?: string;
  }[],
) {
  const files = Object.fromEntries(
    apis.map(api => [
      `/${api.name}.yaml`,
      apiFile(api.name, api.annotations, api.owner),
    ]),
  );
  const server = http.createServer((request, response) => {
    const body = files[request.url ?? ''];
    response.writeHead(body ? 200 : 404).end(body ?? '');
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const host = `localhost:${(server.address() as AddressInfo).port}`;
  let catalog: CatalogService | undefined;
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
  const backend = await startTestBackend({
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
  const credentials = { credentials: mockCredentials.user() };
  const service = catalog!;
  const waitFor = async (ref: string) => {
    for (let attempt = 0; attempt < 150; attempt++) {
      if (await service.getEntityByRef(ref, credentials)) return;
      await new Promise(resolve => setTimeout(resolve, 200));
    }
    throw new Error(`${ref} never appeared in the catalog`);
  };
  for (const { name } of apis) {
    await service.addLocation(
      { type: 'url', target: `http://${host}/${name}.yaml` },
      credentials,
    );
  }
  for (const { name } of apis) {
    await waitFor(`component:default/${name}`);
    await waitFor(`api:default/${name}`);
  }
  return {
    catalog: service,
    credentials,
    /** The `url:` location an API was registered as. */
    locationOf: (name: string) => `url:http://${host}/${name}.yaml`,
    /** The Components and APIs in the catalog, as `Kind:name`, sorted. */
    inCatalog: async () =>
      (await service.getEntities({}, credentials)).items
        .filter(entity => entity.kind !== 'Location')
        .map(entity => `${entity.kind}:${entity.metadata.name}`)
        .sort(),
    async stop() {
      await backend.stop();
      server.close();
    },
  };
}
