import { ConflictError, NotFoundError } from '@backstage/errors';
import { BACKSTAGE_DEFAULT_AUTHOR } from '../config';
import { runGitOnRepository } from '../git';
import type { LocalGitRepository } from '../localGitRepositories';
import { StagingRepository, withStagingRepository } from '../stagingRepository';
import {
  existingRepository,
  LocalPullRequest,
  LocalPullRequestRepository,
  withUrl,
} from './address';
import { branchCommit, exitCode, isAncestor } from './branches';
import {
  listRecords,
  readRecord,
  StoredPullRequest,
  updateRecord,
} from './records';

/** Every pull request of a sandbox repository, by number. NotFoundError when the repository does not exist. */
export async function listLocalPullRequests(
  options: LocalPullRequestRepository,
): Promise<LocalPullRequest[]> {
  const repository = existingRepository(options);
  return listRecords(repository.gitDir).map(record =>
    withUrl(repository, record),
  );
}

/** One pull request; NotFoundError, naming the ones there are, when the repository has no such number. */
export async function readLocalPullRequest(
  options: LocalPullRequestRepository & { number: number },
): Promise<LocalPullRequest> {
  const repository = existingRepository(options);
  return withUrl(repository, requireRecord(repository, options.number));
}

/**
 * Merges a pull request into its base branch: a fast-forward when the base
 * branch has not moved since the branch left it (so its history stays a
 * line), otherwise a merge commit by `author` (Backstage's default author
 * when unset). Refuses (ConflictError naming the files) when both changed
 * the same lines, and then changes nothing: the merge is computed in a
 * scratch repository. Then the record is marked merged. It merges the
 * record's `headCommit`, the commit the page shows. Merging a merged pull
 * request returns its record, unchanged.
 */
export async function mergeLocalPullRequest(
  options: LocalPullRequestRepository & {
    number: number;
    author?: { name: string; email: string };
  },
): Promise<LocalPullRequest> {
  return mergePullRequest(
    existingRepository(options),
    options.number,
    options.author ?? BACKSTAGE_DEFAULT_AUTHOR,
  );
}

/** {@link mergeLocalPullRequest} of a repository already found. */
export async function mergePullRequest(
  repository: LocalGitRepository,
  number: number,
  author: { name: string; email: string },
): Promise<LocalPullRequest> {
  const { gitDir } = repository;
  const record = requireRecord(repository, number);
  if (record.state === 'merged') {
    return withUrl(repository, record);
  }
  const describe = `Pull request #${record.number} of ${repository.name} (${record.branch} → ${record.base})`;
  const baseCommit = await branchCommit(gitDir, record.base);
  if (!baseCommit) {
    throw new ConflictError(
      `${describe} cannot be merged: its base branch '${record.base}' no longer exists`,
    );
  }
  const head = record.headCommit;
  const mergeCommit = await withStagingRepository(gitDir, async staging => {
    if (await isAncestor(gitDir, head, baseCommit)) {
      // Already in the base branch (merged by hand, or an empty change): nothing to write.
      return baseCommit;
    }
    const ref = `refs/heads/${record.base}`;
    if (await isAncestor(gitDir, baseCommit, head)) {
      await staging.publish(head, ref, baseCommit);
      return head;
    }
    const tree = await mergeTree(staging, {
      base: record.base,
      baseCommit,
      head,
      describe,
    });
    const merged = await staging.commit({
      tree,
      parents: [baseCommit, head],
      message: `Merge pull request #${record.number} from ${record.branch}\n\n${record.title}\n`,
      author,
    });
    await staging.publish(merged, ref, baseCommit);
    return merged;
  });
  const now = new Date().toISOString();
  const done: StoredPullRequest = {
    ...record,
    state: 'merged',
    mergedAt: now,
    updatedAt: now,
    baseCommitAtMerge: baseCommit,
    mergeCommit,
  };
  updateRecord(gitDir, done);
  return withUrl(repository, done);
}

/**
 * The change a pull request proposes, as `git diff base...branch`: from where
 * the branch left the base branch to its head. After the merge, from where
 * the base branch was then, so the page still shows what was merged.
 */
export async function pullRequestDiff(
  repository: LocalGitRepository,
  record: StoredPullRequest,
): Promise<string> {
  const from =
    record.state === 'merged' && record.baseCommitAtMerge
      ? record.baseCommitAtMerge
      : `refs/heads/${record.base}`;
  // No external diff or textconv: the page shows git's own text of the change.
  const stdout = await runGitOnRepository(repository.gitDir, [
    'diff',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    `${from}...${record.headCommit}`,
    '--',
  ]);
  return stdout.toString('utf8');
}

export function requireRecord(
  repository: LocalGitRepository,
  number: number,
): StoredPullRequest {
  const record = readRecord(repository.gitDir, number);
  if (!record) {
    const numbers = listRecords(repository.gitDir).map(r => `#${r.number}`);
    throw new NotFoundError(
      `${repository.name} has no pull request #${number}; ${
        numbers.length ? `it has ${numbers.join(', ')}` : 'it has none'
      } (${repository.remoteUrl}/pulls)`,
    );
  }
  return record;
}

/** The tree of merging two commits; ConflictError naming the conflicting files. */
async function mergeTree(
  staging: StagingRepository,
  options: { base: string; baseCommit: string; head: string; describe: string },
): Promise<string> {
  const { base, baseCommit, head, describe } = options;
  let output: string;
  try {
    output = (
      await staging.git([
        'merge-tree',
        '--write-tree',
        '--name-only',
        '--no-messages',
        baseCommit,
        head,
      ])
    ).toString();
  } catch (error) {
    // Exit status 1: conflicts. The first line is still a tree (with conflict markers), then the files.
    const stdout = (error as { stdout?: Buffer }).stdout;
    if (exitCode(error) !== 1 || !stdout) {
      throw error;
    }
    const files = [...new Set(stdout.toString().split('\n').slice(1))].filter(
      Boolean,
    );
    // The sandbox takes no pushes, so the branch cannot be fixed in place; a new one starts from the current base.
    throw new ConflictError(
      `${describe} cannot be merged: it and ${base} both changed ${files.join(
        ', ',
      )}. ` +
        `Nothing was changed. Propose the change again on the current ${base} (run the template again ` +
        'with another branchName), and merge that pull request.',
    );
  }
  return output.split('\n')[0].trim();
}
