import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import {
  catalogGroupParents,
  ConsumerApprovalsClient,
  createInternalApiContext,
  createUserAccessReader,
} from '@internal/plugin-internal-api-node';
import { createInternalApiActions } from './actions';

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
        userInfo: coreServices.userInfo,
        discovery: coreServices.discovery,
      },
      async init({
        scaffolder,
        config,
        logger,
        catalog,
        auth,
        auditor,
        userInfo,
        discovery,
      }) {
        const context = createInternalApiContext({ config, logger });
        const access = {
          userAccess: createUserAccessReader({
            userInfo,
            groupParents: catalogGroupParents({ catalog, auth }),
            config: context.internalApi.access,
          }),
          approvals: new ConsumerApprovalsClient({ discovery, auth }),
          // Links to the approval page; a backend without an app (tests) gets paths.
          appBaseUrl: config.getOptionalString('app.baseUrl') ?? '',
        };
        scaffolder.addActions(
          ...createInternalApiActions({
            ...context,
            catalog,
            auth,
            auditor,
            access,
          }),
        );
      },
    });
  },
});
