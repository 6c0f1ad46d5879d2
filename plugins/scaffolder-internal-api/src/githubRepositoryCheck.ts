import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createCheckGithubRepositoryAction } from './actions/checkGithubRepository';
import { auditRefusals } from './audit/refusals';

/**
 * The GitHub repository check (`internal-api:github-repo:check`), a module of
 * its own so that it is installed with the GitHub publisher and only with it:
 * the sandbox's local git publisher answers the same action id from its own
 * repositories, and two modules may not register one id. Only wiring lives here.
 */
export const scaffolderModuleGithubRepositoryCheck = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'internal-api-github-repo-check',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        auditor: coreServices.auditor,
      },
      async init({ scaffolder, config, auditor }) {
        const integrations = ScmIntegrations.fromConfig(config);
        scaffolder.addActions(
          auditRefusals(
            auditor,
            createCheckGithubRepositoryAction({
              integrations,
              // Built as the GitHub module builds it for publish:github: the same token or app.
              credentialsProvider:
                DefaultGithubCredentialsProvider.fromIntegrations(integrations),
            }),
          ),
        );
      },
    });
  },
});
