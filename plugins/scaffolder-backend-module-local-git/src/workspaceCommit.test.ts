import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { gitEnvironment } from './git';
import { commitDirectory } from './workspaceCommit';
import {
  cloneFiles,
  temporaryFolder,
  writeFiles,
} from './__testUtils__/workspace';

/**
 * The second line of defence: publish refuses a workspace holding .git, but
 * even when git runs on one, it must not read it (nor an environment that
 * points elsewhere). Each hostile piece touches the marker if git runs it.
 */
describe('committing a workspace', () => {
  let source: ReturnType<typeof temporaryFolder>;
  let scratch: ReturnType<typeof temporaryFolder>;
  let marker: string;

  beforeEach(() => {
    source = temporaryFolder('workspace');
    scratch = temporaryFolder('scratch');
    marker = path.join(scratch.dir, 'hostile-command-ran');
    const run = `touch '${marker}'; false`;
    const hostileConfig = `[core]\n\tfsmonitor = "${run}"\n\thooksPath = hooks\n`;
    writeFiles(source.dir, {
      'catalog-info.yaml': 'kind: Component\n',
      // The repository `git init` in the workspace would have reused.
      '.git/config': hostileConfig,
      '.git/hooks/post-commit': `#!/bin/sh\n${run}\n`,
    });
    fs.chmodSync(path.join(source.dir, '.git/hooks/post-commit'), 0o755);
    writeFiles(scratch.dir, { 'global.gitconfig': hostileConfig });
  });
  afterEach(() => {
    source.remove();
    scratch.remove();
  });

  /** Runs `fn` with an environment that would send git to the hostile repository and config. */
  async function withHostileEnvironment<T>(fn: () => T | Promise<T>) {
    const saved = { ...process.env };
    Object.assign(process.env, {
      GIT_DIR: path.join(source.dir, '.git'),
      GIT_CONFIG_GLOBAL: path.join(scratch.dir, 'global.gitconfig'),
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'core.fsmonitor',
      GIT_CONFIG_VALUE_0: `touch '${marker}'; false`,
    });
    try {
      return await fn();
    } finally {
      process.env = saved;
    }
  }

  it('never reads a .git or GIT_* variables the template could control', async () => {
    const targetGitDir = path.join(scratch.dir, 'orders.git');
    const { commitHash } = await withHostileEnvironment(() =>
      commitDirectory({
        sourceDir: source.dir,
        branch: 'main',
        commitMessage: 'Initial commit',
        author: { name: 'Scaffolder', email: 'scaffolder@example.com' },
        targetGitDir,
      }),
    );

    expect(fs.existsSync(marker)).toBe(false);
    // Only the workspace's files, and the workspace's .git left as written.
    expect(await cloneFiles(targetGitDir)).toEqual({
      'catalog-info.yaml': 'kind: Component\n',
    });
    expect(fs.readdirSync(path.join(source.dir, '.git')).sort()).toEqual([
      'config',
      'hooks',
    ]);
    const git = (...args: string[]) =>
      execFileSync('git', [`--git-dir=${targetGitDir}`, ...args], {
        encoding: 'utf8',
        env: gitEnvironment(),
      }).trim();
    expect(git('rev-list', 'main')).toBe(commitHash);
    // No remote pointing at the deleted staging repository.
    expect(git('config', '--list', '--local')).not.toMatch(/remote\./);
  });

  it('gives git no GIT_* variable of its own and no system or global config', async () => {
    const env = await withHostileEnvironment(gitEnvironment);
    expect(
      Object.keys(env)
        .filter(name => /^GIT_/i.test(name))
        .sort(),
    ).toEqual([
      'GIT_CONFIG_GLOBAL',
      'GIT_CONFIG_NOSYSTEM',
      'GIT_TERMINAL_PROMPT',
    ]);
    expect(env).toMatchObject({
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
      HOME: '/dev/null',
      XDG_CONFIG_HOME: '/dev/null',
    });
  });
});
