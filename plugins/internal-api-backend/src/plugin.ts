import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { createInternalApiContext } from '@internal/plugin-internal-api-node';
import { createRouter } from './router';

/** Serves the form's lookups and the entity card's status at /api/internal-api. Only wiring lives here. */
export const internalApiPlugin = createBackendPlugin({
  pluginId: 'internal-api',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        catalog: catalogServiceRef,
      },
      async init({ httpRouter, httpAuth, config, logger, catalog }) {
        httpRouter.use(
          await createRouter({
            context: createInternalApiContext({ config, logger }),
            httpAuth,
            catalog,
            config,
            logger,
          }),
        );
      },
    });
  },
});
