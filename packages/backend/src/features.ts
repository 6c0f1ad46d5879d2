import { createBackend } from '@backstage/backend-defaults';
import { repositoryPublisher } from './repositoryPublisher';
import { signIn } from './signIn';
import { validatedRootConfigServiceFactory } from './validatedRootConfig';

export interface AppBackendOptions {
  /**
   * Leave out our features (the scaffolder module, the form's lookups, the
   * permission backend and our policy). Only the benchmarks set this, to
   * measure what they cost at startup; the app always installs them.
   */
  withoutInternalApi?: boolean;
}

/** The backend with every feature the app installs, not yet started. */
export function createAppBackend(options: AppBackendOptions = {}) {
  const backend = createBackend();

  backend.add(validatedRootConfigServiceFactory);

  backend.add(import('@backstage/plugin-app-backend'));

  backend.add(import('@backstage/plugin-auth-backend'));
  backend.add(signIn);

  backend.add(import('@backstage/plugin-catalog-backend'));
  backend.add(
    import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
  );

  backend.add(import('@backstage/plugin-scaffolder-backend'));
  // Keeps each task's workspace in the database after every step, so a task
  // recovered by another replica (scaffolder.taskRecovery) publishes what the
  // dead one rendered instead of an empty folder.
  backend.add(
    import('@backstage/plugin-scaffolder-backend-module-workspace-database'),
  );
  backend.add(repositoryPublisher);
  if (!options.withoutInternalApi) {
    // Inside the condition so that, when left out, they are never even loaded.
    backend.add(
      import('@internal/plugin-scaffolder-backend-module-internal-api'),
    );
    // The form's lookups (/api/internal-api), on the same config and AWS access.
    backend.add(import('@internal/plugin-internal-api-backend'));
    // The permission backend with our policy: who may run the account actions
    // where, and who sees admin-only template steps. Both or neither: the
    // permission backend refuses to start without a policy.
    backend.add(import('@backstage/plugin-permission-backend'));
    backend.add(
      import('@internal/plugin-internal-api-backend/permissionPolicy'),
    );
  }

  return backend;
}
