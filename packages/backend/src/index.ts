import { createBackend } from '@backstage/backend-defaults';
import { assertConfigEnvironment } from './configEnvironment';
import { repositoryPublisher } from './repositoryPublisher';
import { validatedRootConfigServiceFactory } from './validatedRootConfig';

// Fail before anything starts when a loaded config file names an unset variable.
try {
  assertConfigEnvironment(process.argv, process.env);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const backend = createBackend();

backend.add(validatedRootConfigServiceFactory);

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);

backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(repositoryPublisher);
backend.add(import('@internal/plugin-scaffolder-backend-module-internal-api'));

backend.start();
