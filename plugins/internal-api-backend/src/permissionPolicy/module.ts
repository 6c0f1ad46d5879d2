import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  catalogGroupParents,
  readInternalApiConfig,
} from '@internal/plugin-internal-api-node';
import { InternalApiPermissionPolicy } from './policy';

/**
 * Installs {@link InternalApiPermissionPolicy} as the permission backend's
 * policy. It decides only where `permission.enabled` is true. Only wiring
 * lives here.
 */
export const permissionModuleInternalApiPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'internal-api-policy',
  register(env) {
    env.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
      },
      async init({ policy, config, catalog, auth }) {
        policy.setPolicy(
          new InternalApiPermissionPolicy({
            access: readInternalApiConfig(config).access,
            groupParents: catalogGroupParents({ catalog, auth }),
          }),
        );
      },
    });
  },
});
