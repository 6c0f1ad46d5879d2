import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { gitEnvironment } from '../git';
import { testRepositories } from './repositories';
import { temporaryFolder, writeFiles } from './workspace';

/** `acme/orders-api` published under `root` with `files` as the first commit of `main`. */
export async function publishedRepository(
  root: string,
  files: Record<string, string>,
) {
  const repositories = testRepositories(root);
  const repository = repositories.repository(
    'github.com',
    'acme',
    'orders-api',
  );
  const source = temporaryFolder('source');
  try {
    writeFiles(source.dir, files);
    await repositories.publish({
      repository,
      sourceDir: source.dir,
      branch: 'main',
      commitMessage: 'Initial commit',
      author: { name: 'Scaffolder', email: 'scaffolder@example.com' },
    });
  } finally {
    source.remove();
  }
  return { repositories, repository };
}

/** git on a bare repository, for assertions; its output, trimmed. */
export function gitIn(gitDir: string, ...args: string[]): string {
  return execFileSync('git', [`--git-dir=${gitDir}`, ...args], {
    encoding: 'utf8',
    env: gitEnvironment(),
  }).trim();
}

/** The files of a branch (or any commit), path → content. */
export function filesAt(gitDir: string, ref: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const file of gitIn(gitDir, 'ls-tree', '-r', '--name-only', ref)
    .split('\n')
    .filter(Boolean)) {
    files[file] = execFileSync(
      'git',
      [`--git-dir=${gitDir}`, 'show', `${ref}:${file}`],
      { encoding: 'utf8', env: gitEnvironment() },
    );
  }
  return files;
}

/**
 * What a refusal must leave as it was: every ref with its commit, the
 * index the HTTP clone reads, and every pull request record.
 */
export function repositoryState(gitDir: string) {
  const recordsDir = path.join(gitDir, 'pull-requests');
  const records = fs.existsSync(recordsDir)
    ? Object.fromEntries(
        fs
          .readdirSync(recordsDir)
          .map(name => [
            name,
            fs.readFileSync(path.join(recordsDir, name), 'utf8'),
          ]),
      )
    : {};
  return {
    refs: gitIn(gitDir, 'for-each-ref', '--format=%(refname) %(objectname)'),
    infoRefs: fs.readFileSync(path.join(gitDir, 'info', 'refs'), 'utf8'),
    records,
  };
}
