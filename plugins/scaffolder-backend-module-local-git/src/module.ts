import { urlReaderFactoriesServiceRef } from '@backstage/backend-defaults/urlReader';
import {
  coreServices,
  createBackendFeatureLoader,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createPublishLocalGitAction } from './actions/publishLocalGit';
import { localGitRepositoriesFromConfig } from './localGitRepositories';
import { localGitReaderFactory } from './localGitUrlReader';

/** `publish:github` backed by local bare repositories. Only wiring lives here. */
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
        scaffolder.addActions(
          createPublishLocalGitAction({
            id: 'publish:github',
            repositories: localGitRepositoriesFromConfig(config),
            integrations: ScmIntegrations.fromConfig(config),
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
