import path from 'node:path';
import { InputError } from '@backstage/errors';
import type { ScmIntegrationRegistry } from '@backstage/integration';
import {
  createTemplateAction,
  getRepoSourceDirectory,
  parseRepoUrl,
} from '@backstage/plugin-scaffolder-node';
import type {
  LocalGitRepositories,
  LocalGitRepository,
} from '../localGitRepositories';
import { existingRepository } from '../pullRequests/address';
import {
  openPullRequest,
  planPullRequest,
} from '../pullRequests/openPullRequest';
import { examples } from './publishLocalPullRequest.examples';

export interface PublishLocalPullRequestActionOptions {
  /**
   * The action id. The sandbox registers it as `publish:github:pull-request`,
   * so a template that proposes a change runs unchanged with no Git host.
   */
  id: string;
  repositories: LocalGitRepositories;
  integrations: ScmIntegrationRegistry;
  /**
   * `scaffolder.defaultAuthor` and `scaffolder.defaultCommitMessage`. Without a
   * commit message (input or config), the title is the message, as upstream.
   */
  defaults: { authorName: string; authorEmail: string; commitMessage?: string };
}

/** GitHub-only inputs: accepted so a template written for GitHub runs, and said to be ignored. */
const IGNORED_INPUTS = [
  'reviewers',
  'assignees',
  'teamReviewers',
  'token',
  'forceFork',
  'forceEmptyGitAuthor',
] as const;

/**
 * Proposes the workspace's files as a pull request on a local bare
 * repository. Same inputs and outputs as publish:github:pull-request; the
 * pull request has a page at `<remoteUrl of the repository>/pull/<number>`
 * with the change and a Merge button.
 */
export function createPublishLocalPullRequestAction(
  options: PublishLocalPullRequestActionOptions,
) {
  const { repositories, integrations, defaults } = options;
  return createTemplateAction({
    id: options.id,
    description:
      `Sandbox pull request: writes the workspace's files (or sourcePath's) onto a branch of an existing bare git ` +
      `repository under ${repositories.directory} and records a pull request, whose page (${repositories.baseUrl}/<host>/` +
      '<owner>/<repo>.git/pull/<number>) shows the change and merges it. Same inputs and outputs as publish:github:pull-request.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        repoUrl: z =>
          z
            .string()
            .describe(
              'The repository, e.g. github.com?owner=acme&repo=orders-api; it must exist (publish:github creates it)',
            ),
        branchName: z => z.string().describe('The branch for the change'),
        title: z => z.string().describe('The title of the pull request'),
        description: z =>
          z.string().describe('The description of the pull request'),
        targetBranchName: z =>
          z
            .string()
            .optional()
            .describe(
              "The branch it merges into; the repository's default branch when unset",
            ),
        sourcePath: z =>
          z
            .string()
            .optional()
            .describe(
              'Workspace sub-folder whose files are written; the whole workspace when unset',
            ),
        targetPath: z =>
          z
            .string()
            .optional()
            .describe(
              'Repository folder the files are written to; the root when unset',
            ),
        filesToDelete: z =>
          z
            .array(z.string())
            .optional()
            .describe('Paths (below targetPath) deleted after the writes'),
        commitMessage: z => z.string().optional(),
        update: z =>
          z
            .boolean()
            .optional()
            .describe(
              'Add a commit to an existing branch (and its open pull request, keeping its number) instead of refusing it',
            ),
        draft: z => z.boolean().optional(),
        gitAuthorName: z => z.string().optional(),
        gitAuthorEmail: z => z.string().optional(),
        createWhenEmpty: z =>
          z
            .boolean()
            .optional()
            .describe(
              'When false and the files change nothing, no pull request (and no outputs); default true, as upstream',
            ),
        reviewers: z => z.array(z.string()).optional(),
        assignees: z => z.array(z.string()).optional(),
        teamReviewers: z => z.array(z.string()).optional(),
        token: z => z.string().optional(),
        forceFork: z => z.boolean().optional(),
        forceEmptyGitAuthor: z => z.boolean().optional(),
      },
      output: {
        targetBranchName: z =>
          z.string().describe('The branch the pull request merges into'),
        remoteUrl: z =>
          z
            .string()
            .describe(
              "The pull request's page on the backend: the change, and a Merge button",
            ),
        pullRequestNumber: z => z.number(),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const { host, owner, repo } = parseRepoUrl(input.repoUrl, integrations);
      if (!owner) {
        throw new InputError(
          `repoUrl '${input.repoUrl}' names no owner; use <host>?owner=<owner>&repo=<repo>`,
        );
      }
      const ignored = IGNORED_INPUTS.filter(name => input[name] !== undefined);
      if (ignored.length > 0) {
        ctx.logger.info(
          `The sandbox ignores ${ignored.join(
            ', ',
          )}: its pull requests have no reviewers, ` +
            'assignees, forks, tokens or GitHub users',
        );
      }
      const repository = findRepository(input.repoUrl, () =>
        existingRepository({ repositories, host, owner, repo }),
      );
      const change = {
        repository,
        sourceDir: getRepoSourceDirectory(ctx.workspacePath, input.sourcePath),
        targetPath: input.targetPath,
        filesToDelete: input.filesToDelete,
        branch: input.branchName,
        base: input.targetBranchName,
        update: input.update ?? false,
      };

      if (ctx.isDryRun) {
        const plan = await planPullRequest(repositories, change);
        const onto = plan.branchCommit
          ? `branch ${change.branch}`
          : `${plan.base}, as branch ${change.branch}`;
        ctx.logger.info(
          `Dry run: would write ${
            path.relative(ctx.workspacePath, change.sourceDir) ||
            'the workspace'
          } onto ${onto} and ${
            plan.existing ? 'update' : 'open'
          } pull request #${plan.number} into ${plan.base}`,
        );
        ctx.output('targetBranchName', plan.base);
        ctx.output('remoteUrl', plan.url);
        ctx.output('pullRequestNumber', plan.number);
        return;
      }

      // The key upstream uses: a retried task finds its pull request instead of being refused by its branch.
      const pullRequest = await ctx.checkpoint({
        key: `create.pr.${owner}.${repo}.${input.branchName}`,
        fn: async () => {
          const opened = await openPullRequest(repositories, {
            ...change,
            title: input.title,
            description: input.description,
            draft: input.draft ?? false,
            createWhenEmpty: input.createWhenEmpty ?? true,
            commitMessage:
              input.commitMessage ?? defaults.commitMessage ?? input.title,
            author: {
              name: input.gitAuthorName ?? defaults.authorName,
              email: input.gitAuthorEmail ?? defaults.authorEmail,
            },
          });
          return opened
            ? { number: opened.number, url: opened.url, base: opened.base }
            : null;
        },
      });
      if (!pullRequest) {
        ctx.logger.info('No changes to commit, pull request was not created');
        return;
      }
      // Only the URL: the log viewer would turn 'github.com/acme/…' inside a folder path into a link to GitHub.
      ctx.logger.info(
        `Pull request #${pullRequest.number}: ${pullRequest.url} (open it to see the change and merge it)`,
      );
      ctx.output('targetBranchName', pullRequest.base);
      ctx.output('remoteUrl', pullRequest.url);
      ctx.output('pullRequestNumber', pullRequest.number);
    },
  });
}

/** The repository to change; InputError naming repoUrl when it does not exist. */
function findRepository(
  repoUrl: string,
  find: () => LocalGitRepository,
): LocalGitRepository {
  try {
    return find();
  } catch (error) {
    if ((error as Error).name !== 'NotFoundError') {
      throw error;
    }
    throw new InputError(
      `repoUrl '${repoUrl}': ${
        (error as Error).message
      }. A pull request changes an existing ` +
        'repository: publish it first, or fix the owner or name.',
    );
  }
}
