import { InputError } from '@backstage/errors';
import type { ScmIntegrationRegistry } from '@backstage/integration';
import {
  createTemplateAction,
  parseRepoUrl,
} from '@backstage/plugin-scaffolder-node';
import type { LocalGitRepositories } from '../localGitRepositories';
import { examples } from './checkLocalRepository.examples';

export interface CheckLocalRepositoryActionOptions {
  /**
   * The action id. The sandbox registers it under the id of the production
   * check (GitHub), so the production template runs unchanged with no Git host.
   */
  id: string;
  repositories: LocalGitRepositories;
  integrations: ScmIntegrationRegistry;
}

/**
 * Read-only check that `publish:github` (local git) will be able to create the
 * repository in `repoUrl`: refuses one that exists, as the GitHub check does.
 * Every owner exists here (the publisher creates its folder), so only the
 * repository is checked.
 */
export function createCheckLocalRepositoryAction(
  options: CheckLocalRepositoryActionOptions,
) {
  const { repositories, integrations } = options;
  return createTemplateAction({
    id: options.id,
    description:
      `Sandbox check: refuses when the repository in repoUrl already exists under ${repositories.directory}, ` +
      'so a template fails before its first write rather than at publish:github. Read-only; same inputs as the GitHub check.',
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
              'Accepted for parity with the GitHub check; local repositories need no token',
            ),
      },
    },
    async handler(ctx) {
      const { repoUrl } = ctx.input;
      const { host, owner, repo } = parseRepoUrl(repoUrl, integrations);
      if (!owner) {
        throw new InputError(
          `repoUrl '${repoUrl}' names no owner; use <host>?owner=<owner>&repo=<repo>`,
        );
      }
      const repository = repositories.repository(host, owner, repo);
      // Under a checkpoint: a retried task that already published passes the check it passed before.
      await ctx.checkpoint({
        key: `internal-api:github-repo:free:${host}/${owner}/${repo}`,
        fn: async () => {
          const existing = repositories.existing(repository);
          if (existing) {
            throw new InputError(
              `repoUrl '${repoUrl}': the repository ${owner}/${repo} already exists (${existing}). ` +
                'Choose another repository name, or delete that repository if an earlier attempt left it ' +
                '(restarting the sandbox starts with no repositories).',
            );
          }
        },
      });
      // Names the URL publish:github will create rather than the host: the log viewer would link a
      // bare 'github.com' to GitHub, where the sandbox publishes nothing. Two lines, as the log
      // viewer cuts long ones.
      ctx.logger.info(
        `Repository ${owner}/${repo} is free; publish:github creates it at`,
      );
      ctx.logger.info(`  ${repository.remoteUrl}`);
    },
  });
}
