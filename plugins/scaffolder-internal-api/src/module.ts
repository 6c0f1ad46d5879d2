import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createInternalApiActions } from './actions';
import { createAwsClients } from './aws/clients';
import { createAccountCredentials } from './aws/credentials';
import { readInternalApiConfig } from './config';

/** Adds the internal-api actions to the scaffolder. Only wiring lives here. */
export const scaffolderModuleInternalApi = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'internal-api',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ scaffolder, config, logger }) {
        const credentials = createAccountCredentials({
          config,
          credentialsManager: DefaultAwsCredentialsManager.fromConfig(config),
          logger,
        });
        scaffolder.addActions(
          ...createInternalApiActions({
            internalApi: readInternalApiConfig(config),
            aws: createAwsClients({ credentials }),
          }),
        );
      },
    });
  },
});
