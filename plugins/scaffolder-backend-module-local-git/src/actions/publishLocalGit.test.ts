import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import type { LocalGitRepositories } from '../localGitRepositories';
import { TEST_BASE_URL, testRepositories } from '../__testUtils__/repositories';
import {
  cloneFiles,
  temporaryFolder,
  writeFiles,
} from '../__testUtils__/workspace';
import { createPublishLocalGitAction } from './publishLocalGit';

const integrations = ScmIntegrations.fromConfig(
  new ConfigReader({ integrations: { github: [{ host: 'github.com' }] } }),
);

describe('publish:github backed by local git', () => {
  let root: ReturnType<typeof temporaryFolder>;
  let workspace: ReturnType<typeof temporaryFolder>;
  let repositories: LocalGitRepositories;
  beforeEach(() => {
    root = temporaryFolder('local-git');
    workspace = temporaryFolder('workspace');
    repositories = testRepositories(root.dir);
    writeFiles(workspace.dir, {
      'catalog-info.yaml': 'kind: Component\n',
      'lib/stack.ts': 'export {};\n',
    });
  });
  afterEach(() => {
    root.remove();
    workspace.remove();
  });

  const action = () =>
    createPublishLocalGitAction({
      id: 'publish:github',
      repositories,
      integrations,
      defaults: {
        authorName: 'Scaffolder',
        authorEmail: 'scaffolder@example.com',
        commitMessage: 'Initial commit',
      },
    });

  async function publish(
    input: Record<string, unknown>,
    isDryRun = false,
    // One task's checkpoint store; pass the same map to model a retry of that task.
    checkpoints = new Map<string, unknown>(),
  ) {
    const outputs: Record<string, unknown> = {};
    const ctx = createMockActionContext({
      input: input as any,
      workspacePath: workspace.dir,
    });
    // createMockActionContext drops isDryRun and output; set them after.
    await action().handler({
      ...ctx,
      isDryRun,
      output: (name: string, value: unknown) => {
        outputs[name] = value;
      },
      checkpoint: async ({ key, fn }: { key: string; fn: () => unknown }) => {
        if (!checkpoints.has(key)) {
          checkpoints.set(key, await fn());
        }
        return checkpoints.get(key);
      },
    } as any);
    return outputs;
  }

  it('commits the workspace to a bare repository that clones with the same files', async () => {
    const outputs = await publish({
      repoUrl: 'github.com?owner=acme&repo=orders-api',
      description: 'Orders API',
      defaultBranch: 'main',
    });

    const gitDir = path.join(root.dir, 'github.com', 'acme', 'orders-api.git');
    const remoteUrl = `${TEST_BASE_URL}/github.com/acme/orders-api.git`;
    expect(outputs.remoteUrl).toBe(remoteUrl);
    expect(outputs.repoContentsUrl).toBe(`${remoteUrl}/blob/main`);
    expect(await cloneFiles(gitDir)).toEqual({
      'catalog-info.yaml': 'kind: Component\n',
      'lib/stack.ts': 'export {};\n',
    });
    const log = execFileSync(
      'git',
      ['--git-dir', gitDir, 'log', '--format=%H %an <%ae> %s', 'main'],
      { encoding: 'utf8' },
    );
    expect(log.trim()).toBe(
      `${outputs.commitHash} Scaffolder <scaffolder@example.com> Initial commit`,
    );
    expect(fs.readFileSync(path.join(gitDir, 'description'), 'utf8')).toBe(
      'Orders API\n',
    );
    // The index git's dumb HTTP protocol reads, as the backend serves the repository.
    expect(fs.readFileSync(path.join(gitDir, 'info', 'refs'), 'utf8')).toBe(
      `${outputs.commitHash}\trefs/heads/main\n`,
    );
    // The workspace is left without a repository of its own, as after a push.
    expect(fs.existsSync(path.join(workspace.dir, '.git'))).toBe(false);
  });

  it('uses the author and message the template gives', async () => {
    const outputs = await publish({
      repoUrl: 'github.com?owner=acme&repo=orders-api',
      gitAuthorName: 'Jane Doe',
      gitAuthorEmail: 'jane@example.com',
      gitCommitMessage: 'Scaffold orders-api',
    });
    const gitDir = path.join(root.dir, 'github.com', 'acme', 'orders-api.git');
    const log = execFileSync(
      'git',
      ['--git-dir', gitDir, 'log', '--format=%an <%ae> %s', 'master'],
      { encoding: 'utf8' },
    );
    expect(log.trim()).toBe('Jane Doe <jane@example.com> Scaffold orders-api');
    expect(outputs.repoContentsUrl).toBe(
      `${TEST_BASE_URL}/github.com/acme/orders-api.git/blob/master`,
    );
  });

  it('refuses a repository that exists and leaves it as it was', async () => {
    await publish({ repoUrl: 'github.com?owner=acme&repo=orders-api' });
    const gitDir = path.join(root.dir, 'github.com', 'acme', 'orders-api.git');
    const before = execFileSync(
      'git',
      ['--git-dir', gitDir, 'rev-parse', 'master'],
      {
        encoding: 'utf8',
      },
    );
    writeFiles(workspace.dir, { 'other.txt': 'changed\n' });

    await expect(
      publish({ repoUrl: 'github.com?owner=acme&repo=orders-api' }),
    ).rejects.toThrow(
      /orders-api\.git already exists; choose another repository name/,
    );
    expect(
      execFileSync('git', ['--git-dir', gitDir, 'rev-parse', 'master'], {
        encoding: 'utf8',
      }),
    ).toBe(before);
  });

  it('finds its own repository when the task is retried, and refuses another task (any case)', async () => {
    const retried = new Map<string, unknown>();
    const first = await publish(
      { repoUrl: 'github.com?owner=acme&repo=orders-api' },
      false,
      retried,
    );
    writeFiles(workspace.dir, { 'other.txt': 'changed\n' });

    const again = await publish(
      { repoUrl: 'github.com?owner=acme&repo=orders-api' },
      false,
      retried,
    );
    expect(again).toEqual(first);
    const gitDir = path.join(root.dir, 'github.com', 'acme', 'orders-api.git');
    expect(Object.keys(await cloneFiles(gitDir))).not.toContain('other.txt');
    await expect(
      publish({ repoUrl: 'github.com?owner=Acme&repo=Orders-API' }),
    ).rejects.toThrow(/orders-api\.git already exists/);
  });

  it('of two tasks publishing one repository at once, lets one in and refuses the other whole', async () => {
    const results = await Promise.allSettled(
      [1, 2, 3].map(() =>
        publish({ repoUrl: 'github.com?owner=acme&repo=orders-api' }),
      ),
    );

    expect(results.filter(r => r.status === 'fulfilled')).toHaveLength(1);
    expect(
      results.flatMap(r =>
        r.status === 'rejected' ? [(r.reason as Error).message] : [],
      ),
    ).toEqual(
      Array(2).fill(expect.stringMatching(/orders-api\.git already exists/)),
    );
    // Only the winner's repository, nothing half-built beside it.
    expect(fs.readdirSync(path.join(root.dir, 'github.com', 'acme'))).toEqual([
      'orders-api.git',
    ]);
    const gitDir = path.join(root.dir, 'github.com', 'acme', 'orders-api.git');
    expect(Object.keys(await cloneFiles(gitDir)).sort()).toEqual([
      'catalog-info.yaml',
      'lib/stack.ts',
    ]);
  });

  it('writes nothing in a dry run but reports where it would publish', async () => {
    const outputs = await publish(
      {
        repoUrl: 'github.com?owner=acme&repo=orders-api',
        defaultBranch: 'main',
      },
      true,
    );
    expect(outputs.repoContentsUrl).toMatch(/orders-api\.git\/blob\/main$/);
    expect(outputs.commitHash).toBeUndefined();
    expect(fs.readdirSync(root.dir)).toEqual([]);
  });

  it('refuses a host with no integration and a path-like owner', async () => {
    await expect(
      publish({ repoUrl: 'gitlab.example.com?owner=acme&repo=orders-api' }),
    ).rejects.toThrow(/gitlab\.example\.com/);
    await expect(
      publish({ repoUrl: 'github.com?owner=..&repo=orders-api' }),
    ).rejects.toThrow(/Repository owner '\.\.'/);
    expect(fs.readdirSync(root.dir)).toEqual([]);
  });

  // A config that runs a command on `git add` or `git status`, as
  // fetch:plain:file with targetPath .git/config can write it.
  const hostileConfig = (marker: string) =>
    `[core]\n\tfsmonitor = "touch '${marker}'; false"\n`;

  it.each<[string, string, (config: string) => Record<string, string>]>([
    ['a .git folder', '.git', config => ({ '.git/config': config })],
    [
      'a .git file pointing at a git folder elsewhere in it',
      '.git',
      config => ({
        '.git': 'gitdir: hidden\n',
        'hidden/config': config,
        // What makes git take `hidden` for a repository: HEAD, objects/, refs/.
        'hidden/HEAD': 'ref: refs/heads/master\n',
        'hidden/objects/info/packs': '',
        'hidden/refs/heads/.keep': '',
      }),
    ],
    [
      // git 2.39 runs nothing from it, but would commit it as a submodule with no content.
      'a nested .git',
      'packages/api/.git',
      config => ({ 'packages/api/.git/config': config }),
    ],
  ])(
    'refuses a workspace holding %s, and runs no command from it',
    async (_layout, gitPath, files) => {
      const marker = path.join(root.dir, 'fsmonitor-ran');
      writeFiles(workspace.dir, files(hostileConfig(marker)));

      await expect(
        publish({ repoUrl: 'github.com?owner=acme&repo=orders-api' }),
      ).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringContaining(
          `holds '${gitPath}': a git repository the template wrote. The publisher refuses it, as git would read its config`,
        ),
      });
      // Neither the marker nor a repository: root.dir stays empty.
      expect(fs.readdirSync(root.dir)).toEqual([]);
    },
  );

  it('refuses a branch that git would read as an option', async () => {
    await expect(
      publish({
        repoUrl: 'github.com?owner=acme&repo=orders-api',
        defaultBranch: '--output=x',
      }),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(/^Branch '--output=x' starts with '-'/),
    });
    expect(fs.readdirSync(root.dir)).toEqual([]);
  });
});
