import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createInternalApiActions } from './actions';
import { createInternalApiContext } from '@internal/plugin-internal-api-node';

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
        scaffolder.addActions(
          ...createInternalApiActions(
            createInternalApiContext({ config, logger }),
          ),
        );
      },
    });
  },
});
