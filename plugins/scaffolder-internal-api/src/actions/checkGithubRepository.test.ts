import { ConfigReader } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { FakeGithubApi, startFakeGithubApi } from '../__testUtils__/githubApi';
import { runAction } from '../__testUtils__/runAction';
import { createCheckGithubRepositoryAction } from './checkGithubRepository';

/** The check as the GitHub module's publisher is configured, against the fake API. */
function checkAction(github: FakeGithubApi, token: string | undefined) {
  const integrations = ScmIntegrations.fromConfig(
    new ConfigReader({
      integrations: {
        github: [{ host: 'github.com', apiBaseUrl: github.baseUrl, token }],
      },
    }),
  );
  return createCheckGithubRepositoryAction({
    integrations,
    credentialsProvider:
      DefaultGithubCredentialsProvider.fromIntegrations(integrations),
  });
}

describe('internal-api:github-repo:check against a GitHub API', () => {
  const state = {
    users: ['acme'],
    repos: ['acme/orders-api'],
    failures: { '/repos/acme/locked-api': 403 },
  };
  let github: FakeGithubApi;
  beforeAll(async () => {
    github = await startFakeGithubApi(state);
  });
  afterAll(() => github?.stop());
  beforeEach(() => github.requests.splice(0));

  const action = () => checkAction(github, 'integration-token');

  it('passes a free name of an existing owner, asking once for each', async () => {
    await runAction(action(), {
      repoUrl: 'github.com?owner=acme&repo=payments-api',
    });
    expect(github.requests).toEqual([
      'GET /repos/acme/payments-api token integration-token',
      'GET /users/acme token integration-token',
    ]);
  });

  it('refuses a repository that exists (any case), naming the repoUrl and the fix, in a dry run too', async () => {
    for (const [repoUrl, isDryRun] of [
      ['github.com?owner=acme&repo=orders-api', false],
      ['github.com?owner=Acme&repo=Orders-API', true],
    ] as const) {
      await expect(
        runAction(action(), { repoUrl }, { isDryRun }),
      ).rejects.toMatchObject({
        name: 'InputError',
        message:
          `repoUrl '${repoUrl}': the repository ${
            repoUrl.includes('Acme') ? 'Acme/Orders-API' : 'acme/orders-api'
          } already exists on github.com. ` +
          'Choose another repository name, or delete that repository if an earlier attempt left it.',
      });
    }
    // One call each: a taken name needs no owner lookup.
    expect(github.requests).toHaveLength(2);
  });

  it('refuses an owner that is neither a user nor an organization', async () => {
    await expect(
      runAction(action(), { repoUrl: 'github.com?owner=acne&repo=orders-api' }),
    ).rejects.toMatchObject({
      name: 'InputError',
      message:
        "repoUrl 'github.com?owner=acne&repo=orders-api': acne is neither a user nor an organization on github.com. Choose an existing owner.",
    });
  });

  it('passes on any other GitHub error, naming the call, not as a refusal of the input', async () => {
    const failure = runAction(action(), {
      repoUrl: 'github.com?owner=acme&repo=locked-api',
    });
    await expect(failure).rejects.toThrow(
      "Could not check repoUrl 'github.com?owner=acme&repo=locked-api' on github.com (GET /repos/acme/locked-api); caused by HttpError: Resource not accessible by integration",
    );
    await expect(failure).rejects.not.toMatchObject({ name: 'InputError' });
  });

  it("uses the user's token when the template gives one", async () => {
    await runAction(action(), {
      repoUrl: 'github.com?owner=acme&repo=payments-api',
      token: 'user-token',
    });
    expect(github.requests[0]).toBe(
      'GET /repos/acme/payments-api token user-token',
    );
  });

  it('asks GitHub nothing when its task is retried after publishing: it passed before', async () => {
    const task = new Map<string, unknown>();
    const repoUrl = 'github.com?owner=acme&repo=orders-api-v2';
    await runAction(action(), { repoUrl }, { checkpoints: task });
    // Meanwhile the task's own publish:github created it; a retry runs every step again.
    state.repos.push('acme/orders-api-v2');
    github.requests.splice(0);

    await runAction(action(), { repoUrl }, { checkpoints: task });
    expect(github.requests).toEqual([]);
    await expect(runAction(action(), { repoUrl })).rejects.toThrow(
      /already exists/,
    );
  });

  it('refuses with the fix when the integration has no credentials', async () => {
    await expect(
      runAction(checkAction(github, undefined), {
        repoUrl: 'github.com?owner=acme&repo=payments-api',
      }),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(
        /^No GitHub token for github\.com \(owner acme\): configure integrations\.github/,
      ),
    });
    expect(github.requests).toEqual([]);
  });
});
