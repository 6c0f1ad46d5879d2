import fs from 'node:fs';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import type { LocalGitRepositories } from '../localGitRepositories';
import { TEST_BASE_URL, testRepositories } from '../__testUtils__/repositories';
import { temporaryFolder, writeFiles } from '../__testUtils__/workspace';
import { createCheckLocalRepositoryAction } from './checkLocalRepository';
import { createPublishLocalGitAction } from './publishLocalGit';

const integrations = ScmIntegrations.fromConfig(
  new ConfigReader({ integrations: { github: [{ host: 'github.com' }] } }),
);
const ID = 'internal-api:github-repo:check';

describe('internal-api:github-repo:check backed by local git', () => {
  let root: ReturnType<typeof temporaryFolder>;
  let workspace: ReturnType<typeof temporaryFolder>;
  let repositories: LocalGitRepositories;
  beforeEach(() => {
    root = temporaryFolder('local-git');
    workspace = temporaryFolder('workspace');
    repositories = testRepositories(root.dir);
    writeFiles(workspace.dir, { 'catalog-info.yaml': 'kind: Component\n' });
  });
  afterEach(() => {
    root.remove();
    workspace.remove();
  });

  /** One task's checkpoint store: pass the same map to model a retry of that task. */
  const task = () => new Map<string, unknown>();

  const run = (
    action: ReturnType<typeof createCheckLocalRepositoryAction>,
    input: Record<string, unknown>,
    checkpoints = task(),
    isDryRun = false,
  ) =>
    action.handler({
      ...createMockActionContext({
        input: input as any,
        workspacePath: workspace.dir,
      }),
      isDryRun,
      checkpoint: async ({ key, fn }: { key: string; fn: () => any }) => {
        if (!checkpoints.has(key)) {
          checkpoints.set(key, (await fn()) ?? {});
        }
        return checkpoints.get(key);
      },
    } as any);

  const check = (input: Record<string, unknown>, checkpoints = task()) =>
    run(
      createCheckLocalRepositoryAction({ id: ID, repositories, integrations }),
      input,
      checkpoints,
    );

  const publish = (repoUrl: string, checkpoints = task()) =>
    createPublishLocalGitAction({
      id: 'publish:github',
      repositories,
      integrations,
      defaults: { authorName: 'a', authorEmail: 'a@b.c', commitMessage: 'm' },
    }).handler({
      ...createMockActionContext({
        input: { repoUrl } as any,
        workspacePath: workspace.dir,
      }),
      output: () => {},
      checkpoint: async ({ key, fn }: { key: string; fn: () => any }) => {
        if (!checkpoints.has(key)) {
          checkpoints.set(key, await fn());
        }
        return checkpoints.get(key);
      },
    } as any);

  it('passes a free repository and writes nothing', async () => {
    await check({ repoUrl: 'github.com?owner=acme&repo=orders-api' });
    expect(fs.readdirSync(root.dir)).toEqual([]);
  });

  it('logs the URL publish:github will create, not the host, which the log viewer would link to GitHub', async () => {
    const info = jest.fn();
    await createCheckLocalRepositoryAction({
      id: ID,
      repositories,
      integrations,
    }).handler({
      ...createMockActionContext({
        input: { repoUrl: 'github.com?owner=acme&repo=orders-api' },
      }),
      logger: { info },
      checkpoint: async ({ fn }: { fn: () => unknown }) => fn(),
    } as any);
    expect(info.mock.calls).toEqual([
      ['Repository acme/orders-api is free; publish:github creates it at'],
      [`  ${TEST_BASE_URL}/github.com/acme/orders-api.git`],
    ]);
  });

  it('refuses a repository that exists, naming the repoUrl and the fix, whatever the case', async () => {
    await publish('github.com?owner=acme&repo=orders-api');

    for (const repoUrl of [
      'github.com?owner=acme&repo=orders-api',
      'github.com?owner=Acme&repo=Orders-API',
    ]) {
      await expect(check({ repoUrl })).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringMatching(
          new RegExp(
            `^repoUrl '${repoUrl.replace(
              /\?/,
              '\\?',
            )}': the repository .* already exists ` +
              `\\(.*/github\\.com/acme/orders-api\\.git\\)\\. Choose another repository name, or delete`,
          ),
        ),
      });
    }
  });

  it('refuses in a dry run too: the check only reads', async () => {
    await publish('github.com?owner=acme&repo=orders-api');
    await expect(
      run(
        createCheckLocalRepositoryAction({
          id: ID,
          repositories,
          integrations,
        }),
        { repoUrl: 'github.com?owner=acme&repo=orders-api' },
        task(),
        true,
      ),
    ).rejects.toThrow(/already exists/);
  });

  it('passes again when the task that checked and published is retried, and refuses a new task', async () => {
    const retried = task();
    const repoUrl = 'github.com?owner=acme&repo=orders-api';
    await check({ repoUrl }, retried);
    await publish(repoUrl, retried);

    // The retry runs every step again: the check and the publish find their earlier results.
    await check({ repoUrl }, retried);
    await publish(repoUrl, retried);
    await expect(check({ repoUrl }, task())).rejects.toThrow(/already exists/);
  });

  it('refuses a repoUrl with no owner or an unknown host', async () => {
    await expect(
      check({ repoUrl: 'github.com?repo=orders-api' }),
    ).rejects.toMatchObject({
      name: 'InputError',
      // parseRepoUrl refuses it first, as for publish:github.
      message: expect.stringMatching(/missing owner/),
    });
    await expect(
      check({ repoUrl: 'gitlab.example.com?owner=acme&repo=orders-api' }),
    ).rejects.toThrow(/gitlab\.example\.com/);
  });
});
