import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
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
      },
      async init({ scaffolder, config }) {
        scaffolder.addActions(...createInternalApiActions({ config }));
      },
    });
  },
});
