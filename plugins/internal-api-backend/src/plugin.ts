import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  accessWarnings,
  catalogGroupParents,
  createInternalApiContext,
  createUserAccessReader,
} from '@internal/plugin-internal-api-node';
import { createApprovalsRouter } from './approvals/router';
import { createApprovalStore } from './approvals/store';
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
        database: coreServices.database,
        auditor: coreServices.auditor,
        userInfo: coreServices.userInfo,
        auth: coreServices.auth,
      },
      async init({
        httpRouter,
        httpAuth,
        config,
        logger,
        catalog,
        database,
        auditor,
        userInfo,
        auth,
      }) {
        const context = createInternalApiContext({ config, logger });
        // Said once at startup (this plugin, not the scaffolder module, which reads the same config).
        for (const warning of accessWarnings(context.internalApi.access)) {
          logger.warn(warning);
        }
        // One reader, so the lookups and the approvals decide with the same rules and groups.
        const readAccess = createUserAccessReader({
          userInfo,
          groupParents: catalogGroupParents({ catalog, auth }),
          config: context.internalApi.access,
        });
        httpRouter.use(
          await createRouter({
            context,
            httpAuth,
            catalog,
            config,
            logger,
            readAccess,
            auditor,
          }),
        );
        // The consumer approvals (/approvals...), kept in the plugin's database.
        httpRouter.use(
          await createApprovalsRouter({
            store: await createApprovalStore(database),
            userAccess: readAccess,
            httpAuth,
            auditor,
            config,
            logger,
          }),
        );
      },
    });
  },
});
