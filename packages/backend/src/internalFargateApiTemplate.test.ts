import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import scaffolderEntityModelModule from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { BackendApi, backendApi, waitForEntity } from '@internal/aws-sandbox';
import internalApiModule from '@internal/plugin-scaffolder-backend-module-internal-api';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../../..');

/**
 * The catalog and scaffolder as the app composes them, in-process, reading the
 * repository's own catalog-info.yaml: what a user of /create would get.
 */
describe('the Internal Fargate API template in a real backend', () => {
  let backend: TestBackend;

  let api: BackendApi;

  beforeAll(async () => {
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        scaffolderEntityModelModule,
        scaffolderPlugin,
        internalApiModule,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              rules: [
                {
                  allow: [
                    'Component',
                    'System',
                    'Group',
                    'Location',
                    'Template',
                  ],
                },
              ],
              locations: [
                {
                  type: 'file',
                  target: path.join(repoRoot, 'catalog-info.yaml'),
                },
              ],
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

  afterAll(() => backend?.stop());

  // The catalog ingests file locations on its first processing loop, a few seconds after start.
  const fetchTemplate = () =>
    waitForEntity(api, 'template', 'internal-fargate-api', {
      timeoutMs: 15_000,
    });

  it('registers the template from the root catalog-info.yaml', async () => {
    const template = await fetchTemplate();
    expect(template.metadata.title).toBe('Internal Fargate API');
    expect(template.spec.type).toBe('service');
  }, 30_000);

  it('serves the scaffolder action list with our actions', async () => {
    const { status, body } = await api.get('/api/scaffolder/v2/actions');
    expect(status).toBe(200);
    expect(body.map((action: { id: string }) => action.id)).toEqual(
      expect.arrayContaining([
        'fetch:template',
        'internal-api:placement:resolve',
        'internal-api:dns:delegate',
        'internal-api:tgw:register-routes',
      ]),
    );
  });

  it('checks the form values against the template before any step runs', async () => {
    const template = await fetchTemplate();
    const { status, body } = await api.post('/api/scaffolder/v2/dry-run', {
      template,
      values: {
        name: 'orders-api',
        description: 'Orders for the customer API',
      },
      secrets: {},
      directoryContents: [],
    });

    expect(status).toBe(400);
    expect(body.errors.map((e: { message: string }) => e.message)).toEqual([
      'requires property "owner"',
    ]);
  }, 30_000);
});
