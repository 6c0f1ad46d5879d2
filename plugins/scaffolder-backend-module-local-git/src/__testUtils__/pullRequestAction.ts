import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createPublishLocalPullRequestAction } from '../actions/publishLocalPullRequest';
import type { LocalGitRepositories } from '../localGitRepositories';
import { publishedRepository } from './pullRequests';
import { TEST_BASE_URL } from './repositories';
import { temporaryFolder, writeFiles } from './workspace';

/** The files of `acme/orders-api` on main. */
export const REPOSITORY = {
  'catalog-info.yaml': 'kind: Component\n',
  'config/service.json': '{ "consumers": ["customer-api"] }\n',
  'config/legacy.json': '{}\n',
  'config/old/a.txt': 'a\n',
  'lib/stack.ts': 'export {};\n',
};
export const PULL_URL = `${TEST_BASE_URL}/github.com/acme/orders-api.git/pull`;
/** The inputs every test starts from: the workspace's `repository` folder onto main. */
export const BASE_INPUT = {
  repoUrl: 'github.com?owner=acme&repo=orders-api',
  branchName: 'update-consumers',
  title: 'Allow partner-api',
  description: 'Adds partner-api.',
  sourcePath: 'repository',
};

const integrations = ScmIntegrations.fromConfig(
  new ConfigReader({ integrations: { github: [{ host: 'github.com' }] } }),
);

/**
 * For each test: `acme/orders-api` published with {@link REPOSITORY}, and a
 * workspace whose `repository` folder is what fetch:plain of main leaves with
 * one file changed, one added and `lib/` left out. `run` runs the action.
 */
export function pullRequestActionFixture() {
  const fixture = {} as {
    repositories: LocalGitRepositories;
    gitDir: string;
    workspace: string;
    run: typeof run;
  };
  let root: ReturnType<typeof temporaryFolder>;
  let workspace: ReturnType<typeof temporaryFolder>;

  async function run(
    input: Record<string, unknown>,
    options: { isDryRun?: boolean; checkpoints?: Map<string, unknown> } = {},
  ) {
    const checkpoints = options.checkpoints ?? new Map<string, unknown>();
    const outputs: Record<string, unknown> = {};
    const logger = mockServices.logger.mock();
    const action = createPublishLocalPullRequestAction({
      id: 'publish:github:pull-request',
      repositories: fixture.repositories,
      integrations,
      defaults: {
        authorName: 'Scaffolder',
        authorEmail: 'scaffolder@example.com',
      },
    });
    // createMockActionContext drops isDryRun; output and checkpoint are recorded here.
    await action.handler({
      ...createMockActionContext({
        input: input as any,
        workspacePath: workspace.dir,
      }),
      logger,
      isDryRun: options.isDryRun,
      output: (name: string, value: unknown) => {
        outputs[name] = value;
      },
      // One task's checkpoint store; pass the same map to model a retry of that task.
      checkpoint: async ({ key, fn }: { key: string; fn: () => unknown }) => {
        if (!checkpoints.has(key)) {
          checkpoints.set(key, await fn());
        }
        return checkpoints.get(key);
      },
    } as any);
    const logged = logger.info.mock.calls.map(call => call[0]);
    return { outputs, logged };
  }

  beforeEach(async () => {
    root = temporaryFolder('local-git');
    workspace = temporaryFolder('workspace');
    const { repositories, repository } = await publishedRepository(
      root.dir,
      REPOSITORY,
    );
    writeFiles(path.join(workspace.dir, 'repository'), {
      'catalog-info.yaml': REPOSITORY['catalog-info.yaml'],
      'config/service.json':
        '{ "consumers": ["customer-api", "partner-api"] }\n',
      'docs/consumers.md': '# Consumers\n',
    });
    Object.assign(fixture, {
      repositories,
      gitDir: repository.gitDir,
      workspace: workspace.dir,
      run,
    });
  });
  afterEach(() => {
    root.remove();
    workspace.remove();
  });
  return fixture;
}
