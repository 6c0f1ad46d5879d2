import type { InternalApiContext } from '@internal/plugin-internal-api-node';
import { createDelegateSubdomainAction } from './delegateSubdomain';
import { createRegisterRoutesAction } from './registerRoutes';
import { createResolvePlacementAction } from './resolvePlacement';

/** Every action this module offers, built from shared dependencies. */
export function createInternalApiActions(options: InternalApiContext) {
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
