/**
 * The sandbox's Git host: the scaffolder's publish step writes bare git
 * repositories on local disk, the catalog reads them, and the backend serves
 * them to browsers and `git clone`.
 *
 * @packageDocumentation
 */
export { localGitPublisher as default } from './module';
export {
  scaffolderModuleLocalGit,
  localGitUrlReaderFactory,
  localGitPlugin,
  catalogModuleLocalGitSourceLocation,
} from './module';
export { createPublishLocalGitAction } from './actions/publishLocalGit';
export { createPublishLocalPullRequestAction } from './actions/publishLocalPullRequest';
export type { PublishLocalPullRequestActionOptions } from './actions/publishLocalPullRequest';
export {
  listLocalPullRequests,
  mergeLocalPullRequest,
  readLocalPullRequest,
} from './pullRequests/localPullRequests';
export type {
  LocalPullRequest,
  LocalPullRequestRepository,
} from './pullRequests/address';
export { createCheckLocalRepositoryAction } from './actions/checkLocalRepository';
export type { CheckLocalRepositoryActionOptions } from './actions/checkLocalRepository';
export type { PublishLocalGitActionOptions } from './actions/publishLocalGit';
export { LOCAL_GIT_PLUGIN_ID, localGitRepositoriesFor } from './config';
export { LocalGitRepositories } from './localGitRepositories';
export type { LocalGitRepositoriesOptions } from './localGitRepositories';
export {
  createLocalGitUrlReader,
  localGitReaderFactory,
} from './localGitUrlReader';
