import type { ConsumerApprovalRequest } from '@internal/plugin-internal-api-common';
import {
  type Access,
  type AccessDecision,
  isAdmin,
} from '@internal/plugin-internal-api-node';

// Who may see and decide a consumer approval. Decisions read the consumer's
// owners from config as it is NOW (with the catalog's groups as they are
// now), never the approvers stored with the request: a team that lost a
// consumer, or a person who left the team, no longer decides for it.

/** The consumer's owners as config has them now; none once it is gone from config (admins only). */
function ownersNow(access: Access, consumer: string): string[] {
  return access.config.consumers.find(c => c.name === consumer)?.owners ?? [];
}

function list(refs: readonly string[]): string {
  return refs.length > 0 ? refs.join(', ') : 'none';
}

/** `consumer partner-api for orders.internal.example.com in account 444455556666 (request <id>)` */
export function describeRequest(request: ConsumerApprovalRequest): string {
  return `consumer ${request.consumer} for ${request.api} in account ${request.accountId} (request ${request.id})`;
}

/**
 * Whether the user may approve or reject the request: a member of the
 * consumer's owners or an admin, never the person who asked (an approval is
 * a second pair of eyes).
 */
export function mayDecide(
  access: Access,
  request: ConsumerApprovalRequest,
): AccessDecision {
  const user = access.userEntityRef;
  const owners = ownersNow(access, request.consumer);
  const who = `members of its owners (${list(owners)}) and admins (${list(
    access.config.admins,
  )})`;
  if (request.requestedBy === user) {
    return {
      decision: 'refused',
      reason: `${user} may not decide their own request to add ${describeRequest(
        request,
      )}: ${who} decide it; ask one of them.`,
    };
  }
  const owner = owners.find(group => access.groups.has(group));
  if (owner) {
    return {
      decision: 'allowed',
      reason: `${user} may decide it: a member of ${owner}, an owner of consumer ${request.consumer}.`,
    };
  }
  if (isAdmin(access)) {
    return {
      decision: 'allowed',
      reason: `${user} may decide it as an admin.`,
    };
  }
  return {
    decision: 'refused',
    reason: `${user} may not decide the request to add ${describeRequest(
      request,
    )}: only ${who} may; ask one of them, or an owner to add you to their group in the catalog.`,
  };
}

/** Whether the user may read the request: whoever asked, whoever may decide it, and its recorded approvers. */
export function maySee(
  access: Access,
  request: ConsumerApprovalRequest,
): boolean {
  return (
    request.requestedBy === access.userEntityRef ||
    mayDecide(access, request).decision === 'allowed' ||
    request.approvers.some(group => access.groups.has(group))
  );
}

/** The consumers whose requests the user decides: those whose owners they belong to, or all for an admin. */
export function consumersDecidedBy(access: Access): string[] | 'all' {
  if (isAdmin(access)) {
    return 'all';
  }
  return access.config.consumers
    .filter(c => c.owners.some(group => access.groups.has(group)))
    .map(c => c.name);
}

/** The 409's sentence: the request is decided, by whom and when. */
export function alreadyDecided(request: ConsumerApprovalRequest): string {
  const next =
    request.state === 'rejected'
      ? 'To ask again, the requester starts a new task.'
      : 'The requester retries the task to go on.';
  const by = request.decidedBy ?? 'someone';
  const at = request.decidedAt ?? 'an unknown time';
  return `The request to add ${describeRequest(request)} was already ${
    request.state
  } by ${by} at ${at}; a decision is final. ${next}`;
}
