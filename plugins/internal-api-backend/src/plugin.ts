import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { createInternalApiContext } from '@internal/plugin-internal-api-node';
import { createRouter } from './router';

/** Serves the form's lookups at /api/internal-api. Only wiring lives here. */
export const internalApiPlugin = createBackendPlugin({
  pluginId: 'internal-api',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ httpRouter, httpAuth, config, logger }) {
        httpRouter.use(
          await createRouter({
            context: createInternalApiContext({ config, logger }),
            httpAuth,
            config,
            logger,
          }),
        );
      },
    });
  },
});
