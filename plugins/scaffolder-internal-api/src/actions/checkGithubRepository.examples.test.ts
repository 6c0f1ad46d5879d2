import { ConfigReader } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { exampleSteps } from '../__testUtils__/examples';
import { FakeGithubApi, startFakeGithubApi } from '../__testUtils__/githubApi';
import { runAction } from '../__testUtils__/runAction';
import { createCheckGithubRepositoryAction } from './checkGithubRepository';
import { examples } from './checkGithubRepository.examples';

describe('internal-api:github-repo:check examples', () => {
  let github: FakeGithubApi;
  beforeAll(async () => {
    github = await startFakeGithubApi({
      users: ['acme'],
      repos: ['acme/orders-api'],
    });
  });
  afterAll(() => github?.stop());

  const action = () => {
    const integrations = ScmIntegrations.fromConfig(
      new ConfigReader({
        integrations: {
          github: [
            { host: 'github.com', apiBaseUrl: github.baseUrl, token: 'app' },
          ],
        },
      }),
    );
    return createCheckGithubRepositoryAction({
      integrations,
      credentialsProvider:
        DefaultGithubCredentialsProvider.fromIntegrations(integrations),
    });
  };

  const steps = (repo: string) =>
    exampleSteps(examples, {
      'parameters.repoUrl': `github.com?owner=acme&repo=${repo}`,
      'secrets.USER_OAUTH_TOKEN': 'user',
    });

  it.each(steps('payments-api').map(step => [step.description, step]))(
    '%s: passes a free name, asking GitHub with the token it names',
    async (_, step) => {
      github.requests.splice(0);
      await runAction(action(), step.input);

      expect(step.action).toBe(action().id);
      expect(github.requests).toEqual([
        `GET /repos/acme/payments-api token ${step.input.token ?? 'app'}`,
        `GET /users/acme token ${step.input.token ?? 'app'}`,
      ]);
    },
  );

  it.each(steps('orders-api').map(step => [step.description, step]))(
    '%s: refuses a taken name',
    async (_, step) => {
      await expect(runAction(action(), step.input)).rejects.toThrow(
        /the repository acme\/orders-api already exists on github\.com/,
      );
    },
  );
});
