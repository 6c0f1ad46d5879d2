/**
 * Scaffolder actions that place, delegate and route private internal APIs
 * across AWS accounts. The actions are thin: the logic they run lives in
 * the node package (plugin-internal-api-node), shared with the form's lookups.
 * (This comment must not name that package with its scope: tsc's
 * stripInternal drops a declaration whose comment contains the scope's tag-like
 * name, and the published types lost the default export that way.)
 *
 * @packageDocumentation
 */
export { scaffolderModuleInternalApi as default } from './module';
export {
  createInternalApiActions,
  createResolvePlacementAction,
  RESOLVE_PLACEMENT_ACTION_ID,
  createDelegateSubdomainAction,
  DELEGATE_SUBDOMAIN_ACTION_ID,
  DRY_RUN_ZONE_ID,
  createUndelegateSubdomainAction,
  UNDELEGATE_SUBDOMAIN_ACTION_ID,
  createRegisterRoutesAction,
  REGISTER_ROUTES_ACTION_ID,
  createDeregisterRoutesAction,
  DEREGISTER_ROUTES_ACTION_ID,
  createReportChangesAction,
  REPORT_CHANGES_ACTION_ID,
  createUnregisterEntityAction,
  UNREGISTER_ENTITY_ACTION_ID,
  createPlanConsumerChangeAction,
  PLAN_CONSUMER_CHANGE_ACTION_ID,
  createWriteConsumerChangeAction,
  WRITE_CONSUMER_CHANGE_ACTION_ID,
  createCheckGithubRepositoryAction,
  CHECK_GITHUB_REPOSITORY_ACTION_ID,
} from './actions';
export { scaffolderModuleGithubRepositoryCheck } from './githubRepositoryCheck';
export type { CheckGithubRepositoryOptions } from './actions/checkGithubRepository';
export type { DelegateSubdomainOptions } from './actions/delegateSubdomain';
export type { UndelegateSubdomainOptions } from './actions/undelegateSubdomain';
export type { CatalogAccess } from './catalog/catalogAccess';
export { AUDIT_EVENT_IDS } from './audit/taskAudit';
