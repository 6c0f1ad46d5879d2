import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { backendApi } from '@internal/aws-sandbox';
import { repositoryPublisher } from './repositoryPublisher';

/** The publish:github action a backend with this config serves, by its description. */
async function publishGithubDescription(config: object) {
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
      .filter(action => action.id === 'publish:github')
      .map(action => action.description);
  } finally {
    await backend.stop();
  }
}

describe('repositoryPublisher', () => {
  it('installs the GitHub publisher by default', async () => {
    const [description] = await publishGithubDescription({});
    expect(description).toMatch(/GitHub/);
    expect(description).not.toMatch(/Sandbox publisher/);
  });

  it('installs the local git publisher, and only it, when localGitPublisher is configured', async () => {
    const descriptions = await publishGithubDescription({
      localGitPublisher: { directory: '/tmp/local-git-unused' },
    });
    expect(descriptions).toEqual([
      expect.stringMatching(/^Sandbox publisher: .*\/tmp\/local-git-unused/),
    ]);
  });
});
