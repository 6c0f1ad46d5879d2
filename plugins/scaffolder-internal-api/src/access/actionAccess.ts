import type {
  BackstageCredentials,
  BackstageUserPrincipal,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import type { ActionContext } from '@backstage/plugin-scaffolder-node';
import {
  type Access,
  type AccessDecision,
  type ConsumerApprovals,
  isAdmin,
  mayChangeApi,
  mayCleanUpHalfCreated,
  type UserAccessReader,
} from '@internal/plugin-internal-api-node';
import { ownerOf, readApiEntity } from '../catalog/apiEntity';
import type { CatalogAccess } from '../catalog/catalogAccess';

/**
 * Who may do what, as the actions check it on the server: the permission
 * policy decides on an action's accountId, but not on lists (consumers) nor
 * on catalog entities, so the actions decide those themselves, with the same
 * rules and the same reading of the user's groups.
 */
export interface ActionAccess {
  /** The access of the task's user (internal-api-node's createUserAccessReader). */
  userAccess: UserAccessReader;
  /** Where a task asks a consumer's owners to approve it. */
  approvals: ConsumerApprovals;
  /** app.baseUrl: the approval page's link starts with it. */
  appBaseUrl: string;
}

/** What an action that checks access needs: the rules' inputs and the catalog that says who owns an API. */
export type AccessOptions = CatalogAccess & { access: ActionAccess };

/** Appended to every refusal: a refused task may be retried or started again without cleaning up. */
export const NOTHING_CHANGED = 'Nothing has been changed.';

/** The task's user, with their access. */
export type Initiator = {
  credentials: BackstageCredentials<BackstageUserPrincipal>;
  access: Access;
};

/**
 * The user who started the task. A task started by a service (or anything
 * but a signed-in user) is refused: the rules decide for people. So is a
 * task retried by someone else: a retry runs with the retrier's credentials
 * (the scaffolder swaps them in) while the task, its AWS session names and
 * its audit events stay its creator's (`ctx.user`), so one run would act
 * for two people.
 * @param needs - what needs a user, e.g. "Adding consumers"
 */
export async function initiatorOf(
  options: AccessOptions,
  ctx: Pick<ActionContext<any>, 'getInitiatorCredentials' | 'user'>,
  needs: string,
): Promise<Initiator> {
  const credentials = await ctx.getInitiatorCredentials();
  if (!options.auth.isPrincipal(credentials, 'user')) {
    const { type } = credentials.principal as { type?: string };
    throw new NotAllowedError(
      `${needs} is decided for the person who started the task, and this task was started by a ${type} ` +
        `principal, not a signed-in user: start it from the app while signed in. ${NOTHING_CHANGED}`,
    );
  }
  const runBy = credentials.principal.userEntityRef;
  const startedBy = ctx.user?.ref;
  if (startedBy && startedBy !== runBy) {
    throw new NotAllowedError(
      `This task was started by ${startedBy} and retried by ${runBy}: a task acts for the person who ` +
        `started it (its AWS sessions and audit events name them), so only they may retry it. Ask ` +
        `${startedBy} to retry it, or start a task of your own. ${NOTHING_CHANGED}`,
    );
  }
  return {
    credentials,
    access: await options.access.userAccess(credentials),
  };
}

/**
 * Goes on when the rule allows, else refuses with the rule's sentence. Why
 * it went on is a debug line: the task page shows what changed, not every
 * check that passed.
 */
export function requireAllowed(
  decision: AccessDecision,
  logger: LoggerService,
) {
  if (decision.decision !== 'allowed') {
    throw new NotAllowedError(`${decision.reason} ${NOTHING_CHANGED}`);
  }
  logger.debug(decision.reason);
}

/**
 * Whether the user may change or decommission the API `entityRef`: its
 * owner or an admin. Reads the entity; returns it.
 */
export async function requireMayChangeApi(
  options: AccessOptions,
  initiator: Initiator,
  entityRef: string,
  logger: LoggerService,
) {
  const entity = await readApiEntity(options, entityRef);
  requireMayChangeEntity(initiator, entityRef, entity, logger);
  return entity;
}

/** As {@link requireMayChangeApi}, for an entity already read: one the catalog does not hold has no owner, so only admins may. */
export function requireMayChangeEntity(
  initiator: Initiator,
  entityRef: string,
  entity: Entity | undefined,
  logger: LoggerService,
) {
  const decision = mayChangeApi(
    initiator.access,
    entityRef,
    entity && ownerOf(entity),
  );
  if (!entity && decision.decision === 'refused') {
    throw new NotAllowedError(
      `The catalog has no entity ${entityRef}, so nobody owns it and only admins may act on it: check entityRef. ${NOTHING_CHANGED}`,
    );
  }
  requireAllowed(decision, logger);
}

/** Whether the user may clean up an API that never reached the catalog: admins only. */
export function requireMayCleanUp(initiator: Initiator, logger: LoggerService) {
  requireAllowed(mayCleanUpHalfCreated(initiator.access), logger);
}

/** Goes on only for an admin; `what` says what only admins may do and why, e.g. "remove routes of no API". */
export function requireAdmin(
  initiator: Initiator,
  what: string,
  logger: LoggerService,
) {
  const { userEntityRef, config } = initiator.access;
  const admins = config.admins.join(', ') || 'none configured';
  if (!isAdmin(initiator.access)) {
    throw new NotAllowedError(
      `${userEntityRef} may not ${what}: only admins (${admins}) may. ${NOTHING_CHANGED}`,
    );
  }
  logger.debug(`${userEntityRef} may ${what}, as an admin.`);
}
