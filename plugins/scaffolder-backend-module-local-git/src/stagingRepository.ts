import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConflictError } from '@backstage/errors';
import { runGit, runGitOnRepository } from './git';

/** A scratch repository that reads a bare repository's objects and writes only its own. */
export interface StagingRepository {
  /**
   * Runs git on the scratch repository (--git-dir), in its temporary folder.
   * With `workTree`, git reads files from there (--work-tree); it never runs
   * in it, so nothing the template wrote is read as git config.
   */
  git(
    args: string[],
    options?: { workTree?: string; input?: string | Buffer },
  ): Promise<Buffer>;
  /** Writes a commit of `tree` on `parents` and returns its id. */
  commit(options: {
    tree: string;
    parents: string[];
    message: string;
    author: { name: string; email: string };
  }): Promise<string>;
  /**
   * Copies `commit` (with every object it needs) into the bare repository
   * and moves `ref` there from `expectedOld` (undefined: the ref must not
   * exist yet), atomically: when another writer moved the ref in between,
   * ConflictError and the ref stays where that writer left it.
   */
  publish(
    commit: string,
    ref: string,
    expectedOld: string | undefined,
  ): Promise<void>;
}

/**
 * Runs `fn` with a scratch repository in a fresh temporary folder, removed
 * after. It sees the objects of the bare repository `gitDir` through
 * `objects/info/alternates`, so it can build on any of its commits without
 * copying them, and keeps what it writes (blobs, trees, commits) to itself:
 * until `publish`, the bare repository is untouched, so a refusal half-way
 * (a merge conflict, a branch that moved) leaves it exactly as it was.
 */
export async function withStagingRepository<T>(
  gitDir: string,
  fn: (staging: StagingRepository) => Promise<T>,
): Promise<T> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'local-git-stage-'));
  try {
    const stagingGitDir = path.join(folder, 'repo.git');
    const git: StagingRepository['git'] = (args, options = {}) =>
      runGit(
        [
          `--git-dir=${stagingGitDir}`,
          ...(options.workTree ? [`--work-tree=${options.workTree}`] : []),
          ...args,
        ],
        { cwd: folder, input: options.input },
      );
    // --template= : no sample hooks or excludes, nothing but what git needs.
    await git(['init', '--quiet', '--template=']);
    fs.mkdirSync(path.join(stagingGitDir, 'objects', 'info'), {
      recursive: true,
    });
    fs.writeFileSync(
      path.join(stagingGitDir, 'objects', 'info', 'alternates'),
      `${path.resolve(gitDir, 'objects')}\n`,
    );
    return await fn({
      git,
      async commit({ tree, parents, message, author }) {
        const stdout = await git(
          [
            '-c',
            `user.name=${author.name}`,
            '-c',
            `user.email=${author.email}`,
            'commit-tree',
            tree,
            ...parents.flatMap(parent => ['-p', parent]),
            // The message on stdin: as an argument, one starting with '-' would be read as an option.
            '-F',
            '-',
          ],
          { input: message },
        );
        return stdout.toString().trim();
      },
      async publish(commit, ref, expectedOld) {
        // A fetch needs a ref to ask for; this one lives only in the scratch repository.
        await git(['update-ref', 'refs/heads/staged', commit]);
        // The bare repository fetches from the scratch one (rather than the scratch one
        // pushing), so git's -c settings apply to the process that writes the bare
        // repository: a push would run receive-pack there without them.
        await runGitOnRepository(gitDir, [
          'fetch',
          '--quiet',
          '--no-tags',
          '--no-write-fetch-head',
          '--no-auto-maintenance',
          stagingGitDir,
          'refs/heads/staged',
        ]);
        // All zeros: the ref must not exist yet.
        const old = expectedOld ?? '0'.repeat(commit.length);
        try {
          await runGitOnRepository(gitDir, ['update-ref', ref, commit, old]);
        } catch (error) {
          throw new ConflictError(
            `${ref} of ${gitDir} is no longer at ${
              expectedOld ?? '(absent)'
            }: another change moved it meanwhile. It was left as that change left it; try again.`,
            error,
          );
        }
        // info/refs, which git's dumb HTTP protocol reads: the backend serves the repository that way.
        await runGitOnRepository(gitDir, ['update-server-info']);
      },
    });
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
