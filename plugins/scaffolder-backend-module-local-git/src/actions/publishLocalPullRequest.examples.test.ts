import fs from 'node:fs';
import path from 'node:path';
import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import { localGitReaderFactory } from '../localGitUrlReader';
import { filesAt, publishedRepository } from '../__testUtils__/pullRequests';
import { TEST_BASE_URL } from '../__testUtils__/repositories';
import { temporaryFolder, writeFiles } from '../__testUtils__/workspace';
import { createPublishLocalPullRequestAction } from './publishLocalPullRequest';
import { examples } from './publishLocalPullRequest.examples';

const REPOSITORY = {
  'catalog-info.yaml': 'kind: Component\n',
  'config/service.json': '{ "consumers": ["customer-api"] }\n',
  'config/legacy.json': '{}\n',
};
const CHANGED = '{ "consumers": ["customer-api", "partner-api"] }\n';

describe('publish:github:pull-request (local git) examples', () => {
  it.each(examples.map(example => [example.description, example]))(
    '%s: opens pull request #1 with the change on its branch',
    async (_, example) => {
      const root = temporaryFolder('local-git');
      const workspace = temporaryFolder('workspace');
      try {
        const config = new ConfigReader({
          integrations: { github: [{ host: 'github.com' }] },
        });
        const { repositories, repository } = await publishedRepository(
          root.dir,
          REPOSITORY,
        );
        const steps: any[] = yaml.parse(example.example).steps;
        const fetchStep = steps.find(step => step.action === 'fetch:plain');
        const pullRequest = steps.find(
          step => step.action === 'publish:github:pull-request',
        );
        const { input } = pullRequest;
        const sourceDir = path.join(workspace.dir, input.sourcePath ?? '');
        if (fetchStep) {
          // What fetch:plain does with the URL: the reader's tree, into its targetPath.
          const reader = UrlReaders.create({
            config,
            logger: mockServices.logger.mock(),
            factories: [localGitReaderFactory(repositories)],
          });
          const url = fetchStep.input.url.replace(
            'http://localhost:7007/api/local-git',
            TEST_BASE_URL,
          );
          const targetDir = path.join(
            workspace.dir,
            fetchStep.input.targetPath,
          );
          fs.mkdirSync(targetDir, { recursive: true });
          await (await reader.readTree(url)).dir({ targetDir });
        }
        // The change, where the step reads it: config/service.json below targetPath.
        writeFiles(sourceDir, {
          [path.posix.relative(input.targetPath ?? '', 'config/service.json')]:
            CHANGED,
        });

        const outputs: Record<string, unknown> = {};
        const action = createPublishLocalPullRequestAction({
          id: 'publish:github:pull-request',
          repositories,
          integrations: ScmIntegrations.fromConfig(config),
          defaults: { authorName: 'a', authorEmail: 'a@b.c' },
        });
        await action.handler({
          ...createMockActionContext({ input, workspacePath: workspace.dir }),
          output: (name: string, value: unknown) => {
            outputs[name] = value;
          },
        } as any);

        expect(pullRequest.action).toBe(action.id);
        expect(outputs).toEqual({
          targetBranchName: 'main',
          remoteUrl: `${repository.remoteUrl}/pull/1`,
          pullRequestNumber: 1,
        });
        const deleted = (input.filesToDelete ?? []).map((file: string) =>
          path.posix.join(input.targetPath ?? '', file),
        );
        const expected: Record<string, string> = {
          ...REPOSITORY,
          'config/service.json': CHANGED,
        };
        deleted.forEach((file: string) => delete expected[file]);
        expect(filesAt(repository.gitDir, input.branchName)).toEqual(expected);
      } finally {
        root.remove();
        workspace.remove();
      }
    },
  );
});
