import { urlReaderFactoriesServiceRef } from '@backstage/backend-defaults/urlReader';
import {
  coreServices,
  createBackendFeatureLoader,
  createBackendModule,
  createBackendPlugin,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createCheckLocalRepositoryAction } from './actions/checkLocalRepository';
import { createPublishLocalGitAction } from './actions/publishLocalGit';
import { createPublishLocalPullRequestAction } from './actions/publishLocalPullRequest';
import {
  defaultAuthorFor,
  LOCAL_GIT_PLUGIN_ID,
  localGitRepositoriesFor,
} from './config';
import { createRouter } from './http/router';
import { localGitReaderFactory } from './localGitUrlReader';
import { LocalGitSourceLocationProcessor } from './sourceLocationProcessor';

/**
 * `publish:github`, its pre-check and `publish:github:pull-request`, backed by
 * local bare repositories. Only wiring lives here.
 */
export const scaffolderModuleLocalGit = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'local-git',
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
        const author = defaultAuthorFor(config);
        const commitMessage = config.getOptionalString(
          'scaffolder.defaultCommitMessage',
        );
        scaffolder.addActions(
          // The id of the GitHub check, which the backend installs only with the GitHub publisher.
          createCheckLocalRepositoryAction({
            id: 'internal-api:github-repo:check',
            repositories,
            integrations,
          }),
          createPublishLocalGitAction({
            id: 'publish:github',
            repositories,
            integrations,
            defaults: {
              authorName: author.name,
              authorEmail: author.email,
              commitMessage: commitMessage ?? 'Initial commit',
            },
          }),
          // The id of the GitHub module's action, which the backend installs only with the GitHub publisher.
          createPublishLocalPullRequestAction({
            id: 'publish:github:pull-request',
            repositories,
            integrations,
            // Without a configured message, the title is the commit message, as upstream.
            defaults: {
              authorName: author.name,
              authorEmail: author.email,
              commitMessage,
            },
          }),
        );
      },
    });
  },
});

/** Lets every plugin's URL reader (the catalog's above all) read the local repositories. */
export const localGitUrlReaderFactory = createServiceFactory({
  service: urlReaderFactoriesServiceRef,
  deps: { config: coreServices.rootConfig, discovery: coreServices.discovery },
  async factory({ config, discovery }) {
    return localGitReaderFactory(
      await localGitRepositoriesFor({ config, discovery }),
    );
  },
});

/** Serves the repositories at /api/local-git, to `git clone` and to browsers, with their pull requests' pages. */
export const localGitPlugin = createBackendPlugin({
  pluginId: LOCAL_GIT_PLUGIN_ID,
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
      },
      async init({ httpRouter, config, discovery }) {
        const repositories = await localGitRepositoriesFor({
          config,
          discovery,
        });
        httpRouter.use(
          createRouter({ repositories, mergeAuthor: defaultAuthorFor(config) }),
        );
        // Open to all: `git clone` and a browser tab carry no Backstage token. Acceptable because
        // it is installed only in the sandbox (with localGitPublisher, on loopback) and its one
        // write is merging a sandbox pull request, from that pull request's page.
        httpRouter.addAuthPolicy({ path: '/', allow: 'unauthenticated' });
      },
    });
  },
});

/** Enables the entity page's View Source for entities registered from the local repositories. */
export const catalogModuleLocalGitSourceLocation = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'local-git-source-location',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
      },
      async init({ catalog, config, discovery }) {
        catalog.addProcessor(
          new LocalGitSourceLocationProcessor(
            await localGitRepositoriesFor({ config, discovery }),
          ),
        );
      },
    });
  },
});

/**
 * The sandbox's Git host, whole: the publisher and its check, pull requests,
 * the reader for what it publishes, the HTTP server for people and
 * `git clone`, and the catalog's View Source for the entities it holds.
 */
export const localGitPublisher = createBackendFeatureLoader({
  loader: () => [
    scaffolderModuleLocalGit,
    localGitUrlReaderFactory,
    localGitPlugin,
    catalogModuleLocalGitSourceLocation,
  ],
});
