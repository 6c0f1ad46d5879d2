import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InputError } from '@backstage/errors';
import { refuseUnsafeBranch, runGit } from './git';

/**
 * Paths (relative to `sourceDir`) of every entry named `.git`, at any depth,
 * whatever its type (folder, gitfile, symlink). Symlinks are not followed:
 * git commits them as links, so what they point to is not published.
 */
export function findGitEntries(sourceDir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      // Case-insensitive: on macOS and Windows `.GIT` is the same folder.
      if (entry.name.toLowerCase() === '.git') {
        found.push(path.relative(sourceDir, full));
      } else if (entry.isDirectory()) {
        walk(full);
      }
    }
  };
  walk(sourceDir);
  return found.sort();
}

/**
 * Refuses a source folder that holds a `.git` anywhere. The template wrote
 * the folder, so a `.git` in it is the template's: at the top level git would
 * take it as the repository to commit into and read its config (a
 * `core.fsmonitor` or hook there runs any command); nested, git would commit
 * it as an embedded repository (a gitlink with no content), which no clone
 * can check out. Either way refusing is clearer than publishing around it.
 */
export function refuseGitEntries(sourceDir: string) {
  const entries = findGitEntries(sourceDir);
  if (entries.length > 0) {
    const shown = entries.slice(0, 5).join("', '");
    const more = entries.length > 5 ? ` and ${entries.length - 5} more` : '';
    throw new InputError(
      `The folder to publish (${sourceDir}) holds '${shown}'${more}: a git repository the template wrote. ` +
        'The publisher refuses it, as git would read its config, which can run commands, and nested ones ' +
        'would be published as empty submodules. Remove .git from the template files (or the fetched ' +
        'content) before publishing.',
    );
  }
}

/**
 * Commits `sourceDir` as the only commit of `branch` in a fresh repository
 * kept in a temporary folder outside the workspace, then clones it (bare) to
 * `targetGitDir`. Git runs with `--git-dir` in that temporary folder and
 * `--work-tree=<sourceDir>`, so nothing the template wrote is read as git
 * config, and the workspace gets no `.git`.
 */
export async function commitDirectory(options: {
  sourceDir: string;
  branch: string;
  commitMessage: string;
  author: { name: string; email: string };
  targetGitDir: string;
}): Promise<{ commitHash: string }> {
  const { branch, author, targetGitDir } = options;
  refuseUnsafeBranch(branch);
  // Absolute: git runs in the staging folder, not where a relative path points.
  const sourceDir = path.resolve(options.sourceDir);
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'local-git-publish-'));
  try {
    const stagingGitDir = path.join(staging, 'repo.git');
    const git = (...args: string[]) =>
      runGit(
        [`--git-dir=${stagingGitDir}`, `--work-tree=${sourceDir}`, ...args],
        { cwd: staging },
      );
    // --template= : the staging repository needs no sample hooks or excludes.
    await git('init', '--quiet', '--template=', `--initial-branch=${branch}`);
    await git('add', '--all');
    await git(
      '-c',
      `user.name=${author.name}`,
      '-c',
      `user.email=${author.email}`,
      'commit',
      '--quiet',
      '--no-verify',
      '--no-gpg-sign',
      `--message=${options.commitMessage}`,
    );
    const commitHash = (await git('rev-parse', '--verify', 'HEAD'))
      .toString()
      .trim();
    fs.mkdirSync(path.dirname(targetGitDir), { recursive: true });
    await runGit(
      ['clone', '--quiet', '--bare', '--', stagingGitDir, targetGitDir],
      { cwd: staging },
    );
    // The clone's origin is the staging folder, deleted below.
    await runGit(
      [
        `--git-dir=${targetGitDir}`,
        'config',
        '--remove-section',
        'remote.origin',
      ],
      { cwd: staging },
    );
    return { commitHash };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
