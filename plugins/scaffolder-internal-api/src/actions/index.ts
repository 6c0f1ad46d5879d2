import type { InternalApiActionsOptions } from './options';
import { createDelegateSubdomainAction } from './delegateSubdomain';
import { createRegisterRoutesAction } from './registerRoutes';
import { createResolvePlacementAction } from './resolvePlacement';

export type { InternalApiActionsOptions } from './options';

/** Every action this module offers, built from shared dependencies. */
export function createInternalApiActions(options: InternalApiActionsOptions) {
  return [
    createResolvePlacementAction(options),
    createDelegateSubdomainAction(options),
    createRegisterRoutesAction(options),
  ];
}

export {
  createResolvePlacementAction,
  RESOLVE_PLACEMENT_ACTION_ID,
} from './resolvePlacement';
export {
  createDelegateSubdomainAction,
  DELEGATE_SUBDOMAIN_ACTION_ID,
  DRY_RUN_ZONE_ID,
} from './delegateSubdomain';
export {
  createRegisterRoutesAction,
  REGISTER_ROUTES_ACTION_ID,
} from './registerRoutes';
