import { ForwardedError, InputError } from '@backstage/errors';
import type {
  GithubCredentialsProvider,
  ScmIntegrationRegistry,
} from '@backstage/integration';
import {
  createTemplateAction,
  parseRepoUrl,
} from '@backstage/plugin-scaffolder-node';
import { Octokit } from 'octokit';
import { examples } from './checkGithubRepository.examples';

export const CHECK_GITHUB_REPOSITORY_ACTION_ID =
  'internal-api:github-repo:check';

export interface CheckGithubRepositoryOptions {
  integrations: ScmIntegrationRegistry;
  /** The credentials publish:github uses, so the check sees what the publisher will see. */
  credentialsProvider: GithubCredentialsProvider;
}

/**
 * Read-only check, run before a template's first write, that `publish:github`
 * will be able to create the repository in `repoUrl`: refuses a repository
 * that exists and an owner that does not. One or two GitHub calls.
 */
export function createCheckGithubRepositoryAction(
  options: CheckGithubRepositoryOptions,
) {
  const { integrations, credentialsProvider } = options;
  return createTemplateAction({
    id: CHECK_GITHUB_REPOSITORY_ACTION_ID,
    description:
      'Refuses when the GitHub repository in repoUrl already exists or its owner does not, so a template fails ' +
      'before its first write rather than at publish:github. Read-only (GET /repos/{owner}/{repo}, GET /users/{owner}).',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        repoUrl: z =>
          z
            .string()
            .describe(
              'Repository location as the RepoUrlPicker gives it, e.g. github.com?owner=acme&repo=orders-api',
            ),
        token: z =>
          z
            .string()
            .optional()
            .describe(
              "The user's GitHub token, when publish:github is given one; else the integration's credentials",
            ),
      },
    },
    async handler(ctx) {
      const { repoUrl } = ctx.input;
      const { host, owner, repo } = parseRepoUrl(repoUrl, integrations);
      const integration = integrations.github.byHost(host);
      if (!integration || !owner) {
        throw new InputError(
          `repoUrl '${repoUrl}' must name a GitHub host from integrations.github and an owner: <host>?owner=<owner>&repo=<repo>`,
        );
      }
      // Under a checkpoint: a retried task that already published passes the check it passed before.
      await ctx.checkpoint({
        key: `internal-api:github-repo:free:${host}/${owner}/${repo}`,
        fn: async () => {
          const token =
            ctx.input.token ??
            (
              await credentialsProvider.getCredentials({
                url: `https://${host}/${encodeURIComponent(
                  owner,
                )}/${encodeURIComponent(repo)}`,
              })
            ).token;
          if (!token) {
            throw new InputError(
              `No GitHub token for ${host} (owner ${owner}): configure integrations.github (token or apps), ` +
                'which publish:github needs too.',
            );
          }
          const github = new Octokit({
            auth: token,
            baseUrl: integration.config.apiBaseUrl,
          });
          await refuseTaken(github, { repoUrl, host, owner, repo });
        },
      });
      ctx.logger.info(`Repository ${owner}/${repo} on ${host} is free.`);
    },
  });
}

async function refuseTaken(
  github: Octokit,
  target: { repoUrl: string; host: string; owner: string; repo: string },
) {
  const { repoUrl, host, owner, repo } = target;
  const exists = (request: Promise<unknown>, call: string) =>
    request.then(
      () => true,
      error => {
        if (error?.status === 404) {
          return false;
        }
        throw new ForwardedError(
          `Could not check repoUrl '${repoUrl}' on ${host} (${call})`,
          error,
        );
      },
    );

  if (
    await exists(
      github.rest.repos.get({ owner, repo }),
      `GET /repos/${owner}/${repo}`,
    )
  ) {
    throw new InputError(
      `repoUrl '${repoUrl}': the repository ${owner}/${repo} already exists on ${host}. ` +
        'Choose another repository name, or delete that repository if an earlier attempt left it.',
    );
  }
  // A 404 for the repository also means "no such owner": ask, as publish:github will.
  if (
    !(await exists(
      github.rest.users.getByUsername({ username: owner }),
      `GET /users/${owner}`,
    ))
  ) {
    throw new InputError(
      `repoUrl '${repoUrl}': ${owner} is neither a user nor an organization on ${host}. Choose an existing owner.`,
    );
  }
}
