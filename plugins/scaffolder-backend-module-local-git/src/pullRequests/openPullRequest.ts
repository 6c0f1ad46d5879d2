import fs from 'node:fs';
import { ConflictError, InputError } from '@backstage/errors';
import { refuseUnsafeBranch } from '../git';
import type {
  LocalGitRepositories,
  LocalGitRepository,
} from '../localGitRepositories';
import { withStagingRepository } from '../stagingRepository';
import { refuseGitEntries } from '../workspaceCommit';
import { LocalPullRequest, pullRequestUrl, withUrl } from './address';
import { branchCommit, branchNames } from './branches';
import { overlayTree, repositoryPath } from './overlay';
import {
  createRecord,
  listRecords,
  nextNumber,
  StoredPullRequest,
  updateRecord,
} from './records';

/** A change to propose: the files of `sourceDir`, written onto a branch of the repository. */
export interface PullRequestChange {
  repository: LocalGitRepository;
  /** The folder whose files are written (the workspace, or its sourcePath). */
  sourceDir: string;
  /** Where in the repository they go; the root when unset. */
  targetPath?: string;
  /** Paths below targetPath to delete, after the writes. */
  filesToDelete?: string[];
  /** The branch that carries the change (GitHub's head). */
  branch: string;
  /** The branch it merges into; the repository's default branch when unset. */
  base?: string;
  /** Whether an existing branch gets a commit added (and its open pull request updated) rather than being refused. */
  update: boolean;
}

/** What opening would do, found by reading only. */
export interface PullRequestPlan {
  base: string;
  baseCommit: string;
  /** Set when the branch exists (then `update` was true). */
  branchCommit?: string;
  /** The branch's open pull request, which an update keeps. */
  existing?: StoredPullRequest;
  /** The number the pull request has or will (most likely) get. */
  number: number;
  url: string;
  targetPath: string;
  filesToDelete: string[];
}

/**
 * Checks a change without writing anything, and makes every refusal opening
 * would make: an unsafe branch name, the target branch itself or a missing
 * one, a branch that exists without `update`, paths outside the repository,
 * a source folder that is missing or holds `.git`. A dry run stops here.
 */
export async function planPullRequest(
  repositories: LocalGitRepositories,
  change: PullRequestChange,
): Promise<PullRequestPlan> {
  const { repository, branch } = change;
  const { gitDir } = repository;
  refuseUnsafeBranch(branch);
  const base = change.base ?? (await repositories.defaultBranch(repository));
  refuseUnsafeBranch(base);
  if (branch === base) {
    throw new InputError(
      `branchName '${branch}' is the pull request's target branch; give the change a branch of its own, e.g. ${branch}-update`,
    );
  }
  const baseCommit = await branchCommit(gitDir, base);
  if (!baseCommit) {
    throw new InputError(
      `targetBranchName '${base}' is not a branch of ${
        repository.name
      }; it has ${(await branchNames(gitDir)).join(', ')}`,
    );
  }
  const existing = listRecords(gitDir).find(
    record => record.state === 'open' && record.branch === branch,
  );
  const current = await branchCommit(gitDir, branch);
  if (current && !change.update) {
    const open = existing
      ? ` (pull request #${existing.number}, ${pullRequestUrl(
          repository,
          existing.number,
        )})`
      : '';
    throw new ConflictError(
      `Branch '${branch}' already exists in ${repository.name}${open}; set update: true to add a commit to it ` +
        'and its open pull request, or choose another branchName',
    );
  }
  const targetPath = repositoryPath('targetPath', change.targetPath ?? '');
  const filesToDelete = (change.filesToDelete ?? []).map(file => {
    const relative = repositoryPath('filesToDelete', file);
    if (relative === '') {
      throw new InputError(
        `filesToDelete '${file}' names the whole ${
          targetPath ? `targetPath ${targetPath}` : 'repository'
        }; name the files or folders to delete`,
      );
    }
    return targetPath ? `${targetPath}/${relative}` : relative;
  });
  if (!fs.existsSync(change.sourceDir)) {
    throw new InputError(
      `The folder to propose (${change.sourceDir}) does not exist; check sourcePath`,
    );
  }
  refuseGitEntries(change.sourceDir);
  const number = existing?.number ?? nextNumber(gitDir);
  return {
    base,
    baseCommit,
    branchCommit: current,
    existing,
    number,
    url: pullRequestUrl(repository, number),
    targetPath,
    filesToDelete,
  };
}

/**
 * Opens a pull request, as publish:github:pull-request does on GitHub: the
 * files are written onto the base branch (or, with `update`, onto the
 * existing branch) as one commit on `branch`, and the pull request's record
 * is created (or, for the branch's open one, updated, keeping its number).
 * Undefined, with nothing written, when the change leaves the base branch's
 * files as they are and `createWhenEmpty` is false; otherwise a new branch
 * gets its commit even when empty, as upstream makes one (GitHub opens no
 * pull request without one), while an updated branch whose files would not
 * change gets none.
 */
export async function openPullRequest(
  repositories: LocalGitRepositories,
  change: PullRequestChange & {
    title: string;
    description: string;
    draft: boolean;
    createWhenEmpty: boolean;
    commitMessage: string;
    author: { name: string; email: string };
  },
): Promise<LocalPullRequest | undefined> {
  const { repository, branch } = change;
  const { gitDir } = repository;
  const plan = await planPullRequest(repositories, change);
  const parent = plan.branchCommit ?? plan.baseCommit;
  return withStagingRepository(gitDir, async staging => {
    const tree = await overlayTree(staging, {
      parent,
      sourceDir: change.sourceDir,
      targetPath: plan.targetPath,
      filesToDelete: plan.filesToDelete,
    });
    const treeOf = async (commit: string) =>
      (await staging.git(['rev-parse', '--verify', `${commit}^{tree}`]))
        .toString()
        .trim();
    if (!change.createWhenEmpty && tree === (await treeOf(plan.baseCommit))) {
      return undefined;
    }
    let headCommit = parent;
    if (!plan.branchCommit || tree !== (await treeOf(parent))) {
      headCommit = await staging.commit({
        tree,
        parents: [parent],
        message: change.commitMessage,
        author: change.author,
      });
      await staging.publish(
        headCommit,
        `refs/heads/${branch}`,
        plan.branchCommit,
      );
    }
    const now = new Date().toISOString();
    const { title, description, draft } = change;
    if (plan.existing) {
      const updated = {
        ...plan.existing,
        title,
        description,
        draft,
        base: plan.base,
        headCommit,
        updatedAt: now,
      };
      updateRecord(gitDir, updated);
      return withUrl(repository, updated);
    }
    // In the order a person reads the file in.
    const created = createRecord(gitDir, {
      title,
      description,
      branch,
      base: plan.base,
      state: 'open',
      draft,
      createdAt: now,
      updatedAt: now,
      headCommit,
    });
    return withUrl(repository, created);
  });
}
