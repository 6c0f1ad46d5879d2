import {
  coreServices,
  createBackendFeatureLoader,
} from '@backstage/backend-plugin-api';
import githubPublisher from '@backstage/plugin-scaffolder-backend-module-github';
import localGitPublisher from '@internal/plugin-scaffolder-backend-module-local-git';

/**
 * The scaffolder's `publish:github`: GitHub itself, or, when the config has
 * `localGitPublisher` (the sandbox and the end-to-end tests), bare git
 * repositories on local disk. Either way the template is the same.
 */
export const repositoryPublisher = createBackendFeatureLoader({
  deps: { config: coreServices.rootConfig },
  *loader({ config }) {
    yield config.has('localGitPublisher') ? localGitPublisher : githubPublisher;
  },
});
