import {
  coreServices,
  createBackendFeatureLoader,
} from '@backstage/backend-plugin-api';

/**
 * The scaffolder's `publish:github`: GitHub itself, or, when the config has
 * `localGitPublisher` (the sandbox and the end-to-end tests), bare git
 * repositories on local disk. Either way the template is the same.
 */
export const repositoryPublisher = createBackendFeatureLoader({
  deps: { config: coreServices.rootConfig },
  *loader({ config }) {
    if (config.has('localGitPublisher')) {
      yield import('@internal/plugin-scaffolder-backend-module-local-git');
    } else {
      yield import('@backstage/plugin-scaffolder-backend-module-github');
    }
  },
});
