import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { ScmIntegrations } from '@backstage/integration';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import scaffolderEntityModelModule from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import {
  scaffolderActionsExtensionPoint,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import { backendApi, waitForEntity } from '@internal/aws-sandbox';
import internalApiModule from '@internal/plugin-scaffolder-backend-module-internal-api';
import {
  createCheckLocalRepositoryAction,
  createPublishLocalGitAction,
  localGitRepositoriesFor,
  localGitUrlReaderFactory,
} from '@internal/plugin-scaffolder-backend-module-local-git';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { templateDir } from '../templateFiles';

/**
 * How publish:github fails, once, for a repository name: `before` it
 * publishes (the Git host refused or was down) or `after` (it published and
 * the answer was lost).
 */
export type PublishFault = 'before' | 'after';

/**
 * The sandbox's local git publisher and repository check, with publish:github
 * failing once for each repository in `faults`: a failure after the DNS write
 * that a test can place, in place of the sandbox module (which it replaces).
 */
function faultyLocalGitModule(faults: Map<string, PublishFault>) {
  return createBackendModule({
    pluginId: 'scaffolder',
    moduleId: 'faulty-local-git',
    register(env) {
      env.registerInit({
        deps: {
          scaffolder: scaffolderActionsExtensionPoint,
          config: coreServices.rootConfig,
          discovery: coreServices.discovery,
        },
        async init({ scaffolder, config, discovery }) {
          const repositories = await localGitRepositoriesFor({
            config,
            discovery,
          });
          const integrations = ScmIntegrations.fromConfig(config);
          const publish: TemplateAction<any, any, any> =
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
          scaffolder.addActions(
            createCheckLocalRepositoryAction({
              id: 'internal-api:github-repo:check',
              repositories,
              integrations,
            }),
            {
              ...publish,
              async handler(ctx) {
                const repo = new URLSearchParams(
                  String(ctx.input.repoUrl).split('?')[1],
                ).get('repo')!;
                const fault = faults.get(repo);
                faults.delete(repo);
                if (fault === 'before') {
                  throw new Error(`Forced failure before publishing ${repo}`);
                }
                await publish.handler(ctx);
                if (fault === 'after') {
                  throw new Error(`Forced failure after publishing ${repo}`);
                }
              },
            },
          );
        },
      });
    },
  });
}

export const TEMPLATE_REF = 'template:default/internal-fargate-api';
export const DECOMMISSION_TEMPLATE_REF =
  'template:default/decommission-internal-api';

/**
 * The catalog and scaffolder as the sandbox app composes them, in-process,
 * with the template registered from its file and the local git publisher
 * (failing as `faults` say), so tests can run real tasks, retry them and
 * read what they published. Resolves once the catalog holds the template.
 */
export async function startTaskBackend(options: {
  config: object;
  faults?: Record<string, PublishFault>;
  scaffolderConfig?: object;
}) {
  const gitDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'local-git-'));
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      scaffolderEntityModelModule,
      scaffolderPlugin,
      internalApiModule,
      faultyLocalGitModule(new Map(Object.entries(options.faults ?? {}))),
      localGitUrlReaderFactory,
      mockServices.rootConfig.factory({
        data: {
          ...options.config,
          localGitPublisher: { directory: gitDirectory },
          scaffolder: options.scaffolderConfig ?? {},
          catalog: {
            rules: [{ allow: ['Component', 'API', 'Location', 'Template'] }],
            locations: [
              {
                type: 'file',
                target: path.join(templateDir, 'template.yaml'),
              },
              {
                type: 'file',
                target: path.join(templateDir, 'decommission.yaml'),
              },
            ],
          },
        },
      }),
    ],
  });
  const api = backendApi(
    `http://localhost:${backend.server.port()}`,
    mockCredentials.user.header(),
  );
  for (const name of ['internal-fargate-api', 'decommission-internal-api']) {
    await waitForEntity(api, 'template', name, { timeoutMs: 30_000 });
  }
  return {
    api,
    /** The bare repository publish:github created for `repo` (owner acme). */
    gitDir: (repo: string) =>
      path.join(gitDirectory, 'github.com', 'acme', `${repo}.git`),
    async stop() {
      await backend.stop();
      fs.rmSync(gitDirectory, { recursive: true, force: true });
    },
  };
}
