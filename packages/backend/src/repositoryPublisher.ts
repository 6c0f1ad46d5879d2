import {
  coreServices,
  createBackendFeatureLoader,
} from '@backstage/backend-plugin-api';
import githubPublisher from '@backstage/plugin-scaffolder-backend-module-github';
import localGitPublisher from '@internal/plugin-scaffolder-backend-module-local-git';

/**
 * The scaffolder's `publish:github` and the repository check the template runs
 * before its first write (`internal-api:github-repo:check`): GitHub itself, or,
 * when the config has `localGitPublisher` (the sandbox and the end-to-end
 * tests), bare git repositories on local disk, which answer both. Either way
 * the template is the same, and only one module registers each id.
 */
export const repositoryPublisher = createBackendFeatureLoader({
  deps: { config: coreServices.rootConfig },
  *loader({ config }) {
    if (config.has('localGitPublisher')) {
      yield localGitPublisher;
      return;
    }
    yield githubPublisher;
    // Required here rather than imported at the top, so a sandbox backend never
    // loads our module through this file (the cold-start benchmark compares
    // the sandbox with and without it). import() fails under jest.
    const { scaffolderModuleGithubRepositoryCheck } =
      require('@internal/plugin-scaffolder-backend-module-internal-api') as typeof import('@internal/plugin-scaffolder-backend-module-internal-api');
    yield scaffolderModuleGithubRepositoryCheck;
  },
});
