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
import workspaceDatabaseModule from '@backstage/plugin-scaffolder-backend-module-workspace-database';
import {
  scaffolderActionsExtensionPoint,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import { backendApi, waitForEntity } from '@internal/aws-sandbox';
import internalApiModule from '@internal/plugin-scaffolder-backend-module-internal-api';
import {
  catalogModuleLocalGitSourceLocation,
  createCheckLocalRepositoryAction,
  createPublishLocalGitAction,
  createPublishLocalPullRequestAction,
  LocalGitRepositories,
  localGitRepositoriesFor,
  mergeLocalPullRequest,
  localGitUrlReaderFactory,
} from '@internal/plugin-scaffolder-backend-module-local-git';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yaml from 'yaml';
import { repoRoot, templateDir } from '../templateFiles';
import { taskUserInfo } from './taskUser';

export { taskUserInfo } from './taskUser';

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
            createPublishLocalPullRequestAction({
              id: 'publish:github:pull-request',
              repositories,
              integrations,
              defaults: {
                authorName: 'Scaffolder',
                authorEmail: 'scaffolder@example.com',
              },
            }),
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
export const CHANGE_CONSUMERS_TEMPLATE_REF =
  'template:default/change-internal-api-consumers';

/**
 * The catalog and scaffolder as the sandbox app composes them, in-process,
 * with the template registered from its file and the local git publisher
 * (failing as `faults` say), so tests can run real tasks, retry them and
 * read what they published. Resolves once the catalog holds the template.
 */
/** app-config.yaml's `scaffolder` block: task recovery, its workspace in the database. */
const APP_SCAFFOLDER_CONFIG: object = yaml.parse(
  fs.readFileSync(path.join(repoRoot, 'app-config.yaml'), 'utf8'),
).scaffolder;

export async function startTaskBackend(options: {
  config: object;
  faults?: Record<string, PublishFault>;
  /** The scaffolder's config; the app's (APP_SCAFFOLDER_CONFIG) unless told. */
  scaffolderConfig?: object;
  /** The groups the tasks' user is a member of (taskUserInfo: a platform admin unless told). */
  memberOf?: string[];
}) {
  const gitDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'local-git-'));
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      scaffolderEntityModelModule,
      scaffolderPlugin,
      workspaceDatabaseModule,
      internalApiModule,
      faultyLocalGitModule(new Map(Object.entries(options.faults ?? {}))),
      localGitUrlReaderFactory,
      // The entities' source location, which the day-2 templates fetch the repository from.
      catalogModuleLocalGitSourceLocation,
      taskUserInfo(options.memberOf),
      mockServices.rootConfig.factory({
        data: {
          ...options.config,
          localGitPublisher: { directory: gitDirectory },
          scaffolder: options.scaffolderConfig ?? APP_SCAFFOLDER_CONFIG,
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
              {
                type: 'file',
                target: path.join(templateDir, 'change-consumers.yaml'),
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
  for (const name of [
    'internal-fargate-api',
    'decommission-internal-api',
    'change-internal-api-consumers',
  ]) {
    await waitForEntity(api, 'template', name, { timeoutMs: 30_000 });
  }
  // The same folder the module's repositories use; its URLs are not needed to merge.
  const repositories = new LocalGitRepositories({
    directory: gitDirectory,
    baseUrl: 'http://localhost/api/local-git',
  });
  const gitDir = (repo: string) =>
    path.join(gitDirectory, 'github.com', 'acme', `${repo}.git`);
  const git = (repo: string, ...args: string[]) =>
    execFileSync('git', ['--git-dir', gitDir(repo), ...args], {
      encoding: 'utf8',
    });
  return {
    api,
    /** The bare repository publish:github created for `repo` (owner acme). */
    gitDir,
    /** The repository's branches, sorted. */
    branches: (repo: string) =>
      git(repo, 'for-each-ref', '--format=%(refname:short)', 'refs/heads')
        .split('\n')
        .filter(Boolean)
        .sort(),
    /** A file's text on a branch. */
    readFile: (repo: string, ref: string, file: string) =>
      git(repo, 'show', `${ref}:${file}`),
    /** The files on a branch, sorted. */
    files: (repo: string, ref: string) =>
      git(repo, 'ls-tree', '-r', '--name-only', ref)
        .split('\n')
        .filter(Boolean)
        .sort(),
    /** The files `branch` changes against `base` (a pull request's diff), sorted. */
    changedFiles: (repo: string, base: string, branch: string) =>
      git(repo, 'diff', '--name-only', `${base}...${branch}`)
        .split('\n')
        .filter(Boolean)
        .sort(),
    /** Merges a pull request the sandbox's publish:github:pull-request opened, as a reviewer would. */
    mergePullRequest: (repo: string, number: number) =>
      mergeLocalPullRequest({ repositories, owner: 'acme', repo, number }),
    /** Asks the catalog to read the Component again until `done` holds for it. */
    async refreshUntil(name: string, done: (entity: any) => boolean) {
      const entityRef = `component:default/${name}`;
      const deadline = Date.now() + 60_000;
      for (;;) {
        await api.post('/api/catalog/refresh', { entityRef });
        const entity = await waitForEntity(api, 'component', name);
        if (done(entity)) {
          return entity;
        }
        if (Date.now() > deadline) {
          throw new Error(
            `${entityRef} did not change after a minute of refreshes`,
          );
        }
        await new Promise(resolve => setTimeout(resolve, 500));
      }
    },
    async stop() {
      await backend.stop();
      fs.rmSync(gitDirectory, { recursive: true, force: true });
    },
  };
}
