import { urlReaderFactoriesServiceRef } from '@backstage/backend-defaults/urlReader';
import {
  coreServices,
  createBackendFeatureLoader,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createCheckLocalRepositoryAction } from './actions/checkLocalRepository';
import { createPublishLocalGitAction } from './actions/publishLocalGit';
import { localGitRepositoriesFromConfig } from './localGitRepositories';
import { localGitReaderFactory } from './localGitUrlReader';

/** `publish:github` and its pre-check, backed by local bare repositories. Only wiring lives here. */
export const scaffolderModuleLocalGit = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'local-git',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ scaffolder, config }) {
        const repositories = localGitRepositoriesFromConfig(config);
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
  deps: {},
  async factory() {
    return localGitReaderFactory;
  },
});

/** Both halves: the publisher and the reader for what it publishes. */
export const localGitPublisher = createBackendFeatureLoader({
  loader: () => [scaffolderModuleLocalGit, localGitUrlReaderFactory],
});
