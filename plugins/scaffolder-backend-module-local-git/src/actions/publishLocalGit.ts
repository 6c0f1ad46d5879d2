import type { ScmIntegrationRegistry } from '@backstage/integration';
import {
  createTemplateAction,
  getRepoSourceDirectory,
  parseRepoUrl,
} from '@backstage/plugin-scaffolder-node';
import type { LocalGitRepositories } from '../localGitRepositories';
import { examples } from './publishLocalGit.examples';

export interface PublishLocalGitActionOptions {
  /**
   * The action id. The sandbox registers it as `publish:github`, so the
   * production template runs unchanged with no Git host.
   */
  id: string;
  repositories: LocalGitRepositories;
  integrations: ScmIntegrationRegistry;
  /** `scaffolder.defaultAuthor` and `scaffolder.defaultCommitMessage`, as the real publishers use them. */
  defaults: { authorName: string; authorEmail: string; commitMessage: string };
}

/**
 * Publishes the workspace as a new bare git repository on local disk. Same
 * inputs and outputs as `publish:github` (the Git-host-only inputs are
 * accepted and ignored); refuses an existing repository as GitHub does.
 */
export function createPublishLocalGitAction(
  options: PublishLocalGitActionOptions,
) {
  const { repositories, integrations, defaults } = options;
  return createTemplateAction({
    id: options.id,
    description:
      `Sandbox publisher: commits the workspace to a new bare git repository under ${repositories.directory} ` +
      `(no Git host), served read-only by the backend at ${repositories.baseUrl}. Takes the same inputs as ` +
      'publish:github; outputs a remoteUrl to git clone or open in a browser, and a repoContentsUrl the catalog can read.',
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
        description: z =>
          z
            .string()
            .optional()
            .describe('Stored as the repository description'),
        defaultBranch: z =>
          z
            .string()
            .optional()
            .describe(
              'Branch of the first commit; master when unset, as publish:github',
            ),
        sourcePath: z =>
          z
            .string()
            .optional()
            .describe(
              'Workspace sub-folder to publish; the whole workspace when unset',
            ),
        gitCommitMessage: z => z.string().optional(),
        gitAuthorName: z => z.string().optional(),
        gitAuthorEmail: z => z.string().optional(),
        repoVisibility: z =>
          z
            .enum(['private', 'internal', 'public'])
            .optional()
            .describe(
              'Accepted for parity with publish:github; local repositories have no visibility',
            ),
      },
      output: {
        remoteUrl: z =>
          z
            .string()
            .describe(
              'URL of the repository on the backend: git clone it, or open it in a browser',
            ),
        repoContentsUrl: z =>
          z
            .string()
            .describe(
              'URL of the default branch contents, for catalog:register',
            ),
        commitHash: z => z.string().optional(),
      },
    },
    async handler(ctx) {
      const { host, owner, repo } = parseRepoUrl(
        ctx.input.repoUrl,
        integrations,
      );
      if (!owner) {
        throw new Error(
          `repoUrl '${ctx.input.repoUrl}' names no owner; use <host>?owner=<owner>&repo=<repo>`,
        );
      }
      const repository = repositories.repository(host, owner, repo);
      const branch = ctx.input.defaultBranch ?? 'master';
      if (!ctx.isDryRun) {
        // The key publish:github uses: a retried task finds the repository it
        // already published instead of being refused because it exists.
        const { commitHash } = await ctx.checkpoint({
          key: `create.github.repo.${owner}.${repo}`,
          fn: () =>
            repositories.publish({
              repository,
              sourceDir: getRepoSourceDirectory(
                ctx.workspacePath,
                ctx.input.sourcePath,
              ),
              branch,
              description: ctx.input.description,
              commitMessage:
                ctx.input.gitCommitMessage ?? defaults.commitMessage,
              author: {
                name: ctx.input.gitAuthorName ?? defaults.authorName,
                email: ctx.input.gitAuthorEmail ?? defaults.authorEmail,
              },
            }),
        });
        ctx.output('commitHash', commitHash);
        // Only the URL: the log viewer would turn 'github.com/acme/…' inside a folder path into a link to GitHub.
        ctx.logger.info(
          `Published ${repository.remoteUrl} (open it to browse the files, or git clone it)`,
        );
      }
      ctx.output('remoteUrl', repository.remoteUrl);
      ctx.output(
        'repoContentsUrl',
        repositories.contentsUrl(repository, branch),
      );
    },
  });
}
