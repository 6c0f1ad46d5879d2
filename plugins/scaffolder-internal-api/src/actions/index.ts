import type { InternalApiContext } from '@internal/plugin-internal-api-node';
import { auditRefusals } from '../audit/refusals';
import type { AuditAccess } from '../audit/taskAudit';
import type { AccessOptions } from '../access/actionAccess';
import { createCheckAccountAccessAction } from './checkAccountAccess';
import { createDelegateSubdomainAction } from './delegateSubdomain';
import { createUndelegateSubdomainAction } from './undelegateSubdomain';
import { createRegisterRoutesAction } from './registerRoutes';
import { createDeregisterRoutesAction } from './deregisterRoutes';
import { createReportChangesAction } from './reportChanges';
import { createResolvePlacementAction } from './resolvePlacement';
import { createUnregisterEntityAction } from './unregisterEntity';
import { createPlanConsumerChangeAction } from './planConsumerChange';
import { createWriteConsumerChangeAction } from './writeConsumerChange';

/**
 * Every action this module offers, built from shared dependencies; each
 * reports its refusals to the auditor, the writing ones each write too.
 * Those that change an API check who may themselves (`options.access`).
 */
export function createInternalApiActions(
  options: InternalApiContext & AccessOptions & AuditAccess,
) {
  const actions = [
    createCheckAccountAccessAction(options),
    createResolvePlacementAction(options),
    createDelegateSubdomainAction(options),
    createUndelegateSubdomainAction(options),
    createRegisterRoutesAction(options),
    createDeregisterRoutesAction(options),
    createReportChangesAction(),
    createUnregisterEntityAction(options),
    createPlanConsumerChangeAction(options),
    createWriteConsumerChangeAction(),
  ];
  return actions.map(action => auditRefusals(options.auditor, action));
}

export {
  createCheckAccountAccessAction,
  CHECK_ACCOUNT_ACCESS_ACTION_ID,
} from './checkAccountAccess';
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
  createUndelegateSubdomainAction,
  UNDELEGATE_SUBDOMAIN_ACTION_ID,
} from './undelegateSubdomain';
export {
  createRegisterRoutesAction,
  REGISTER_ROUTES_ACTION_ID,
} from './registerRoutes';
export {
  createDeregisterRoutesAction,
  DEREGISTER_ROUTES_ACTION_ID,
} from './deregisterRoutes';
export {
  createReportChangesAction,
  REPORT_CHANGES_ACTION_ID,
} from './reportChanges';
export {
  createUnregisterEntityAction,
  UNREGISTER_ENTITY_ACTION_ID,
} from './unregisterEntity';
export {
  createPlanConsumerChangeAction,
  PLAN_CONSUMER_CHANGE_ACTION_ID,
} from './planConsumerChange';
export {
  createWriteConsumerChangeAction,
  WRITE_CONSUMER_CHANGE_ACTION_ID,
} from './writeConsumerChange';
// Not in createInternalApiActions: installed with the GitHub publisher (see githubRepositoryCheck.ts).
export {
  createCheckGithubRepositoryAction,
  CHECK_GITHUB_REPOSITORY_ACTION_ID,
} from './checkGithubRepository';
