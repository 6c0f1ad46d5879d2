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
import { LOCAL_GIT_PLUGIN_ID, localGitRepositoriesFor } from './config';
import { createRouter } from './http/router';
import { localGitReaderFactory } from './localGitUrlReader';
import { LocalGitSourceLocationProcessor } from './sourceLocationProcessor';

/** `publish:github` and its pre-check, backed by local bare repositories. Only wiring lives here. */
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
              authorName:
                config.getOptionalString('scaffolder.defaultAuthor.name') ??
                'Scaffolder',
              authorEmail:
                config.getOptionalString('scaffolder.defaultAuthor.email') ??
                'scaffolder@backstage.io',
              commitMessage:
                config.getOptionalString('scaffolder.defaultCommitMessage') ??
                'Initial commit',
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

/** Serves the repositories read-only at /api/local-git, to `git clone` and to browsers. */
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
        httpRouter.use(createRouter({ repositories }));
        // Open to all: `git clone` and a browser tab carry no Backstage token. Acceptable because
        // it is installed only in the sandbox (with localGitPublisher) and serves reads only.
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
 * The sandbox's Git host, whole: the publisher and its check, the reader for
 * what it publishes, the HTTP server for people and `git clone`, and the
 * catalog's View Source for the entities it holds.
 */
export const localGitPublisher = createBackendFeatureLoader({
  loader: () => [
    scaffolderModuleLocalGit,
    localGitUrlReaderFactory,
    localGitPlugin,
    catalogModuleLocalGitSourceLocation,
  ],
});
