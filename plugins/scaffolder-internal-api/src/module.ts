import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
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
        catalog: catalogServiceRef,
        auth: coreServices.auth,
        auditor: coreServices.auditor,
      },
      async init({ scaffolder, config, logger, catalog, auth, auditor }) {
        scaffolder.addActions(
          ...createInternalApiActions({
            ...createInternalApiContext({ config, logger }),
            catalog,
            auth,
            auditor,
          }),
        );
      },
    });
  },
});
