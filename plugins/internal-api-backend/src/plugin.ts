import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  accessWarnings,
  createInternalApiContext,
} from '@internal/plugin-internal-api-node';
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
        const context = createInternalApiContext({ config, logger });
        // Said once at startup (this plugin, not the scaffolder module, which reads the same config).
        for (const warning of accessWarnings(context.internalApi.access)) {
          logger.warn(warning);
        }
        httpRouter.use(
          await createRouter({
            context,
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
