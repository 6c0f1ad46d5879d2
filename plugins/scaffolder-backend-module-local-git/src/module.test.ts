import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { localGitPublisher, scaffolderModuleLocalGit } from './module';
import { LocalGitRepositories } from './localGitRepositories';
import { temporaryFolder, writeFiles } from './__testUtils__/workspace';

const CATALOG_INFO = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: orders-api
spec:
  type: service
  owner: platform
  lifecycle: production
`;

/**
 * The feature loader in a backend with the catalog, as the sandbox installs
 * it: what the publisher outputs is read by the catalog, and the entity's
 * View Source (its source-location) opens the backend's page of the repository.
 */
describe('the sandbox Git host, installed whole', () => {
  let root: ReturnType<typeof temporaryFolder>;
  let backend: TestBackend;
  let baseUrl: string;

  beforeAll(async () => {
    root = temporaryFolder('local-git');
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        localGitPublisher,
        mockServices.rootConfig.factory({
          data: {
            localGitPublisher: { directory: root.dir },
            catalog: { rules: [{ allow: ['Component', 'Location'] }] },
          },
        }),
      ],
    });
    baseUrl = `http://localhost:${backend.server.port()}`;
  });
  afterAll(async () => {
    await backend?.stop();
    root?.remove();
  });

  const api = (route: string, init: RequestInit = {}) =>
    fetch(`${baseUrl}${route}`, {
      ...init,
      headers: {
        authorization: mockCredentials.user.header(),
        'content-type': 'application/json',
      },
    });

  it("registers the published catalog-info.yaml, with a View Source that opens the repository's page", async () => {
    const repositories = new LocalGitRepositories({
      directory: root.dir,
      baseUrl: `${baseUrl}/api/local-git`,
    });
    const repository = repositories.repository(
      'github.com',
      'acme',
      'orders-api',
    );
    const source = temporaryFolder('source');
    writeFiles(source.dir, { 'catalog-info.yaml': CATALOG_INFO });
    await repositories.publish({
      repository,
      sourceDir: source.dir,
      branch: 'main',
      commitMessage: 'Initial commit',
      author: { name: 'Scaffolder', email: 'scaffolder@example.com' },
    });
    source.remove();

    const target = `${repository.remoteUrl}/blob/main/catalog-info.yaml`;
    const registered = await api('/api/catalog/locations', {
      method: 'POST',
      body: JSON.stringify({ type: 'url', target }),
    });
    expect(registered.status).toBe(201);
    let entity: { metadata: { annotations: Record<string, string> } } | null =
      null;
    for (let attempt = 0; attempt < 150 && !entity; attempt++) {
      const response = await api(
        '/api/catalog/entities/by-name/component/default/orders-api',
      );
      if (response.ok) {
        entity = await response.json();
      } else {
        await new Promise(resolve => setTimeout(resolve, 200));
      }
    }
    expect(entity?.metadata.annotations).toMatchObject({
      'backstage.io/source-location': `url:${repository.remoteUrl}/blob/main/`,
      'backstage.io/view-url': target,
    });

    // Opened as a browser opens it: no credentials.
    const page = await fetch(`${repository.remoteUrl}/blob/main/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`href="${target}"`);
  }, 60_000);
});

describe('the scaffolder module', () => {
  it('registers the ids of the production actions it stands in for, and only those', async () => {
    const root = temporaryFolder('local-git');
    const addActions = jest.fn();
    const backend = await startTestBackend({
      extensionPoints: [[scaffolderActionsExtensionPoint, { addActions }]],
      features: [
        scaffolderModuleLocalGit,
        mockServices.rootConfig.factory({
          data: {
            localGitPublisher: { directory: root.dir },
            integrations: { github: [{ host: 'github.com' }] },
          },
        }),
      ],
    });
    try {
      const ids = addActions.mock.calls.flat().map(action => action.id);
      expect(ids.sort()).toEqual([
        'internal-api:github-repo:check',
        'publish:github',
        'publish:github:pull-request',
      ]);
    } finally {
      await backend.stop();
      root.remove();
    }
  });
});
