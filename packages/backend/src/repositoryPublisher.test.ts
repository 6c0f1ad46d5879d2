import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { backendApi } from '@internal/aws-sandbox';
import { repositoryPublisher } from './repositoryPublisher';

const PUBLISHER_IDS = ['publish:github', 'internal-api:github-repo:check'];

/** The publish:github action and the repository check a backend with this config serves, by their descriptions. */
async function publisherDescriptions(config: object) {
  const backend = await startTestBackend({
    features: [
      scaffolderPlugin,
      repositoryPublisher,
      mockServices.rootConfig.factory({
        data: {
          integrations: { github: [{ host: 'github.com', token: 'unused' }] },
          ...config,
        },
      }),
    ],
  });
  try {
    const { body: actions } = await backendApi(
      `http://localhost:${backend.server.port()}`,
      mockCredentials.user.header(),
    ).get<{ id: string; description: string }[]>('/api/scaffolder/v2/actions');
    return actions
      .filter(action => PUBLISHER_IDS.includes(action.id))
      .map(action => `${action.id}: ${action.description}`)
      .sort();
  } finally {
    await backend.stop();
  }
}

describe('repositoryPublisher', () => {
  it('installs the GitHub publisher and the GitHub repository check by default', async () => {
    expect(await publisherDescriptions({})).toEqual([
      expect.stringMatching(
        /^internal-api:github-repo:check: Refuses when the GitHub repository in repoUrl already exists/,
      ),
      expect.stringMatching(/^publish:github: .*GitHub/),
    ]);
  });

  it('installs the local git publisher and check, and only them, when localGitPublisher is configured', async () => {
    expect(
      await publisherDescriptions({
        localGitPublisher: { directory: '/tmp/local-git-unused' },
      }),
    ).toEqual([
      expect.stringMatching(
        /^internal-api:github-repo:check: Sandbox check: .*\/tmp\/local-git-unused/,
      ),
      expect.stringMatching(
        /^publish:github: Sandbox publisher: .*\/tmp\/local-git-unused/,
      ),
    ]);
  });
});
