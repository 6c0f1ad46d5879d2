import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import { testRepositories } from '../__testUtils__/repositories';
import { localGitReaderFactory } from '../localGitUrlReader';
import { temporaryFolder, writeFiles } from '../__testUtils__/workspace';
import { createPublishLocalGitAction } from './publishLocalGit';
import { examples } from './publishLocalGit.examples';

describe('publish:github (local git) examples', () => {
  it.each(examples.map(example => [example.description, example]))(
    '%s: the registered URL reads the published catalog-info.yaml',
    async (_, example) => {
      const root = temporaryFolder('local-git');
      const workspace = temporaryFolder('workspace');
      try {
        writeFiles(workspace.dir, { 'catalog-info.yaml': 'kind: API\n' });
        const config = new ConfigReader({
          integrations: { github: [{ host: 'github.com' }] },
          localGitPublisher: { directory: root.dir },
        });
        const repositories = testRepositories(root.dir);
        const action = createPublishLocalGitAction({
          id: 'publish:github',
          repositories,
          integrations: ScmIntegrations.fromConfig(config),
          defaults: {
            authorName: 'a',
            authorEmail: 'a@b.c',
            commitMessage: 'm',
          },
        });
        const [publish, register] = yaml.parse(example.example).steps;
        const outputs: Record<string, string> = {};
        await action.handler({
          ...createMockActionContext({
            input: publish.input,
            workspacePath: workspace.dir,
          }),
          output: (name: string, value: string) => {
            outputs[name] = value;
          },
        } as any);

        const catalogInfoUrl = register.input.catalogInfoUrl.replace(
          '${{ steps.publish.output.repoContentsUrl }}',
          outputs.repoContentsUrl,
        );
        const reader = UrlReaders.create({
          config,
          logger: mockServices.logger.mock(),
          factories: [localGitReaderFactory(repositories)],
        });
        const file = await reader.readUrl(catalogInfoUrl);
        expect(publish.action).toBe(action.id);
        expect((await file.buffer()).toString()).toBe('kind: API\n');
      } finally {
        root.remove();
        workspace.remove();
      }
    },
  );
});
