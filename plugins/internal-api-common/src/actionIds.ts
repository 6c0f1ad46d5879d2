/**
 * The ids of the actions that write into a workload account, declared once:
 * the actions register under them, and the permission policy lets a user run
 * them only with an `accountId` the user may create APIs in.
 */
export const RESOLVE_PLACEMENT_ACTION_ID = 'internal-api:placement:resolve';
export const DELEGATE_SUBDOMAIN_ACTION_ID = 'internal-api:dns:delegate';
export const REGISTER_ROUTES_ACTION_ID = 'internal-api:tgw:register-routes';
