import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  loadGroupParents,
  readInternalApiConfig,
} from '@internal/plugin-internal-api-node';
import { cachedGroupParents } from './groupParentsCache';
import { InternalApiPermissionPolicy } from './policy';

/** How long a read of the catalog's groups serves decisions: a new team member waits at most this long. */
const GROUPS_TTL_MS = 60_000;

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
        const groupParents = cachedGroupParents(
          // The plugin's own credentials: every group counts, whoever asks.
          async () =>
            loadGroupParents(catalog, await auth.getOwnServiceCredentials()),
          { ttlMs: GROUPS_TTL_MS },
        );
        policy.setPolicy(
          new InternalApiPermissionPolicy({
            access: readInternalApiConfig(config).access,
            groupParents,
          }),
        );
      },
    });
  },
});
