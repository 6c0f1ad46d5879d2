/**
 * Lookups behind the Internal Fargate API form: workload accounts, a live
 * subnet preview, consumer networks and domain checks, served at
 * /api/internal-api with the scaffolder module's config and AWS access; and
 * the permission backend's module with the platform's policy (also the
 * default export of `./permissionPolicy`, for `backend.add(import(…))`).
 *
 * @packageDocumentation
 */
export { internalApiPlugin as default } from './plugin';
export { createRouter } from './router';
export type { RouterOptions } from './router';
export { permissionModuleInternalApiPolicy } from './permissionPolicy/module';
export {
  ACCOUNT_ACTIONS,
  ADMIN_TAG,
  InternalApiPermissionPolicy,
} from './permissionPolicy/policy';
