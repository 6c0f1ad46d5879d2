/**
 * Sandbox publisher: the scaffolder's publish step writes bare git
 * repositories on local disk, and the catalog reads them.
 *
 * @packageDocumentation
 */
export { localGitPublisher as default } from './module';
export { scaffolderModuleLocalGit, localGitUrlReaderFactory } from './module';
export { createPublishLocalGitAction } from './actions/publishLocalGit';
export { createCheckLocalRepositoryAction } from './actions/checkLocalRepository';
export type { CheckLocalRepositoryActionOptions } from './actions/checkLocalRepository';
export type { PublishLocalGitActionOptions } from './actions/publishLocalGit';
export { LocalGitRepositories } from './localGitRepositories';
export {
  createLocalGitUrlReader,
  localGitReaderFactory,
} from './localGitUrlReader';
