import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { urlReaderServiceFactory } from '@backstage/backend-defaults/urlReader';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { BackendApi, backendApi, waitForEntity } from '@internal/aws-sandbox';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { configFiles, loadConfigs } from './__testUtils__/configFiles';

const backendDir = path.resolve(__dirname, '..');

/**
 * The catalog with app-config.yaml's own `catalog` block (rules and
 * locations), and locations a user registers through the catalog API, as the
 * "Register existing component" page does. The catalog refuses such a location
 * whole when one of its entities is of a kind the rules do not allow there.
 */
describe("the catalog's rules from app-config.yaml", () => {
  let backend: TestBackend;
  let api: BackendApi;

  // Serves the file a user registers, as a Git host would.
  let userFile = '';
  const userHost = http.createServer((_request, response) => {
    response.end(userFile);
  });
  const userHostPort = () => (userHost.address() as AddressInfo).port;

  beforeAll(async () => {
    await new Promise<void>(resolve =>
      userHost.listen(0, '127.0.0.1', resolve),
    );
    const catalog = ConfigReader.fromConfigs(
      await loadConfigs([configFiles.defaults]),
    ).getConfig('catalog');
    // The file targets are relative to packages/backend, where the backend runs.
    const locations = catalog.getConfigArray('locations').map(location => ({
      ...location.get<object>(),
      target: path.resolve(backendDir, location.getString('target')),
    }));
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        // The real reader (the test backend's default reads nothing), allowed the user's host below.
        urlReaderServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            catalog: { ...catalog.get<object>(), locations },
            backend: {
              reading: {
                allow: [{ host: `127.0.0.1:${userHostPort()}` }],
              },
            },
          },
        }),
      ],
    });
    api = backendApi(
      `http://localhost:${backend.server.port()}`,
      mockCredentials.user.header(),
    );
  });

  afterAll(async () => {
    await backend?.stop();
    userHost.close();
  });

  it('takes the platform’s groups from the org location', async () => {
    // The catalog processes its locations a few seconds after start.
    expect(
      await waitForEntity(api, 'group', 'platform-engineering', {
        timeoutMs: 10_000,
      }),
    ).toMatchObject({
      spec: { type: 'team' },
    });
  });

  /** What the "Register existing component" page asks first: the catalog's own dry run of the location. */
  const register = (...documents: string[]) => {
    userFile = documents.join('\n---\n');
    return api.post('/api/catalog/locations?dryRun=true', {
      type: 'url',
      target: `http://127.0.0.1:${userHostPort()}/catalog-info.yaml`,
    });
  };

  const component =
    'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: claims-service }\n' +
    'spec: { type: service, lifecycle: production, owner: invented-admins }';
  const group =
    'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: invented-admins }\n' +
    'spec: { type: team, children: [], members: [mallory] }';
  const user =
    'apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata: { name: mallory }\n' +
    'spec: { memberOf: [platform-engineering] }';

  it('lets a user register a Component', async () => {
    const { status, body } = await register(component);

    expect(status).toBe(201);
    expect(
      body.entities.map((e: any) => `${e.kind}:${e.metadata.name}`),
    ).toEqual(expect.arrayContaining(['Component:claims-service']));
  });

  it.each([
    [
      'a Group',
      [component, group],
      /group:default\/invented-admins .* is not of an allowed kind/,
    ],
    ['a User', [user], /user:default\/mallory .* is not of an allowed kind/],
  ])(
    'refuses a location a user registers that adds %s (it could invent group membership)',
    async (_kind, documents, message) => {
      const { status, body } = await register(...documents);

      expect(status).toBe(400);
      expect(body.error.message).toMatch(message);
    },
  );

  it('registers a location again without failing, keeping one (a resumed catalog:register)', async () => {
    userFile = component;
    const target = `http://127.0.0.1:${userHostPort()}/resumed.yaml`;
    const add = () =>
      api.post('/api/catalog/locations', { type: 'url', target });

    const first = await add();
    const again = await add();

    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body.location.id).toBe(first.body.location.id);
    const { body: locations } = await api.get('/api/catalog/locations');
    expect(
      locations.filter((entry: any) => entry.data.target === target),
    ).toHaveLength(1);
  });
});
