import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import { testRepositories } from '../__testUtils__/repositories';
import { temporaryFolder, writeFiles } from '../__testUtils__/workspace';
import { createCheckLocalRepositoryAction } from './checkLocalRepository';
import { examples } from './checkLocalRepository.examples';
import { createPublishLocalGitAction } from './publishLocalGit';

describe('internal-api:github-repo:check (local git) examples', () => {
  it.each(examples.map(example => [example.description, example]))(
    '%s: passes a new name, and refuses it once published',
    async (_, example) => {
      const root = temporaryFolder('local-git');
      const workspace = temporaryFolder('workspace');
      try {
        writeFiles(workspace.dir, { 'README.md': '# orders\n' });
        const integrations = ScmIntegrations.fromConfig(
          new ConfigReader({
            integrations: { github: [{ host: 'github.com' }] },
          }),
        );
        const repositories = testRepositories(root.dir);
        const check = createCheckLocalRepositoryAction({
          id: 'internal-api:github-repo:check',
          repositories,
          integrations,
        });
        const publish = createPublishLocalGitAction({
          id: 'publish:github',
          repositories,
          integrations,
          defaults: {
            authorName: 'a',
            authorEmail: 'a@b.c',
            commitMessage: 'm',
          },
        });
        const repoUrl = 'github.com?owner=acme&repo=orders-api';
        const [checkStep, publishStep] = yaml.parse(example.example).steps;
        const ctx = (input: Record<string, unknown>) =>
          ({
            ...createMockActionContext({
              input: input as any,
              workspacePath: workspace.dir,
            }),
            output: () => {},
          } as any);
        const inputOf = (step: { input: Record<string, string> }) =>
          Object.fromEntries(
            Object.entries(step.input).map(([key, value]) => [
              key,
              value === '${{ parameters.repoUrl }}' ? repoUrl : value,
            ]),
          );

        expect([checkStep.action, publishStep.action]).toEqual([
          check.id,
          publish.id,
        ]);
        await check.handler(ctx(inputOf(checkStep)));
        await publish.handler(ctx(inputOf(publishStep)));
        await expect(check.handler(ctx(inputOf(checkStep)))).rejects.toThrow(
          /acme\/orders-api already exists/,
        );
      } finally {
        root.remove();
        workspace.remove();
      }
    },
  );
});
