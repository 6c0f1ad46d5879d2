import type { AccessConfig } from './accessConfig';
import { type GroupParents, groupsOf } from './groups';
import { entityRefKey } from './refs';

/** A signed-in user as the access rules see them, with what config says. */
export type Access = {
  /** The user's ref, e.g. user:default/sam. */
  userEntityRef: string;
  /** Every group the user counts as a member of, ancestors included (groupsOf). */
  groups: ReadonlySet<string>;
  config: AccessConfig;
};

/**
 * A rule's answer, with a sentence for the user that names the account,
 * consumer or API, who may, and how to get access. `needs-approval` (only
 * for consumers whose config says `approval: required`) names who approves.
 */
export type AccessDecision =
  | { decision: 'allowed'; reason: string }
  | { decision: 'needs-approval'; reason: string; approvers: string[] }
  | { decision: 'refused'; reason: string };

/**
 * The access of a user from their sign-in identity (`userEntityRef` and
 * `ownershipEntityRefs`, as Backstage's sign-in resolvers issue them) and
 * the catalog's group hierarchy.
 */
export function accessOf(
  identity: { userEntityRef: string; ownershipEntityRefs: readonly string[] },
  groupParents: GroupParents,
  config: AccessConfig,
): Access {
  return {
    userEntityRef: entityRefKey(identity.userEntityRef, {
      defaultKind: 'user',
    }),
    groups: groupsOf(identity.ownershipEntityRefs, groupParents),
    config,
  };
}

/** Whether the user belongs to a group of `internalApi.admins`. */
export function isAdmin(access: Access): boolean {
  return memberOf(access, access.config.admins) !== undefined;
}

/** Whether the user may create an internal API in the workload account: its owners and admins may. */
export function mayCreateIn(access: Access, accountId: string): AccessDecision {
  const account = access.config.workloadAccounts.find(
    a => a.accountId === accountId,
  );
  if (!account) {
    return refused(
      `Account ${accountId} is not a configured workload account (internalApi.workloadAccounts), so nobody may create internal APIs in it; choose a configured account.`,
    );
  }
  const what = `account ${account.accountId} (${account.title})`;
  return (
    ownerOrAdmin(access, what, account.owners) ??
    refused(
      `${
        access.userEntityRef
      } may not create internal APIs in ${what}: ${whoMay(
        access,
        account.owners,
        'internalApi.workloadAccounts[].owners',
      )}.`,
    )
  );
}

/**
 * Whether the user may give an API the consumer: its owners and admins may;
 * anyone else needs an owner's approval where config says
 * `approval: required` (and the consumer has owners), or is refused.
 */
export function mayAddConsumer(
  access: Access,
  consumerName: string,
): AccessDecision {
  const consumer = access.config.consumers.find(c => c.name === consumerName);
  if (!consumer) {
    return refused(
      `Consumer '${consumerName}' is not a configured consumer network (internalApi.consumers), so no API may be given it; choose a configured consumer.`,
    );
  }
  const what = `consumer ${consumer.name}`;
  const decided = ownerOrAdmin(access, what, consumer.owners);
  if (decided) {
    return decided;
  }
  if (consumer.approval === 'required' && consumer.owners.length > 0) {
    return {
      decision: 'needs-approval',
      reason: `Adding ${what} needs the approval of a member of its owners ${list(
        consumer.owners,
      )}: the task stops before any change until one of them approves it.`,
      approvers: consumer.owners,
    };
  }
  return refused(
    `${access.userEntityRef} may not add ${what}: ${whoMay(
      access,
      consumer.owners,
      'internalApi.consumers[].owners',
    )}.`,
  );
}

/**
 * Whether the user may change or decommission an internal API: the owner of
 * its entity (the user, or a group the user belongs to) and admins may.
 * @param entityOwnerRef - the API entity's owner, best its `ownedBy`
 *   relation's target; a shorthand without kind is a group. Undefined: an
 *   entity without owner, which only admins may change.
 */
export function mayChangeApi(
  access: Access,
  apiEntityRef: string,
  entityOwnerRef: string | undefined,
): AccessDecision {
  const owner = entityOwnerRef && entityRefKey(entityOwnerRef);
  if (owner && (owner === access.userEntityRef || access.groups.has(owner))) {
    return {
      decision: 'allowed',
      reason: `${access.userEntityRef} may change ${apiEntityRef}: ${
        owner === access.userEntityRef
          ? 'they own it'
          : `it is owned by ${owner}, which they belong to`
      }.`,
    };
  }
  const admin = memberOf(access, access.config.admins);
  if (admin) {
    return {
      decision: 'allowed',
      reason: `${access.userEntityRef} may change ${apiEntityRef} as an admin (${admin}).`,
    };
  }
  const who = owner
    ? `only its owner ${owner} and admins (${list(
        access.config.admins,
      )}) may; ask a member of ${owner} to do it or to add you to it in the catalog`
    : `it has no owner, so only admins (${list(
        access.config.admins,
      )}) may; ask an admin to set its owner`;
  return refused(
    `${access.userEntityRef} may not change or decommission ${apiEntityRef}: ${who}.`,
  );
}

/** Whether the user may clean up a half-created internal API: admins only, as it removes what no entity owns yet. */
export function mayCleanUpHalfCreated(access: Access): AccessDecision {
  const admin = memberOf(access, access.config.admins);
  if (admin) {
    return {
      decision: 'allowed',
      reason: `${access.userEntityRef} may clean up half-created APIs as an admin (${admin}).`,
    };
  }
  const who =
    access.config.admins.length > 0
      ? `only admins (${list(access.config.admins)}) may; ask one of them`
      : 'only admins may, and none are configured; ask a platform engineer to set internalApi.admins';
  return refused(
    `${access.userEntityRef} may not clean up half-created APIs: ${who}.`,
  );
}

/** The first of `groups` the user belongs to. */
function memberOf(access: Access, groups: readonly string[]) {
  return groups.find(group => access.groups.has(group));
}

function ownerOrAdmin(
  access: Access,
  what: string,
  owners: readonly string[],
): AccessDecision | undefined {
  const owner = memberOf(access, owners);
  if (owner) {
    return {
      decision: 'allowed',
      reason: `${access.userEntityRef} may use ${what}: a member of ${owner}, one of its owners.`,
    };
  }
  const admin = memberOf(access, access.config.admins);
  if (admin) {
    return {
      decision: 'allowed',
      reason: `${access.userEntityRef} may use ${what} as an admin (${admin}).`,
    };
  }
  return undefined;
}

/** Who may use an account or consumer, and how to become one of them. */
function whoMay(
  access: Access,
  owners: readonly string[],
  ownersKey: string,
): string {
  const admins = list(access.config.admins);
  if (owners.length === 0) {
    return `it has no owners (${ownersKey}), so only admins (${admins}) may; ask a platform engineer to set its owners`;
  }
  return `only members of its owners ${list(
    owners,
  )} (or of their child groups) and admins (${admins}) may; ask an owner to add you to one of those groups in the catalog`;
}

function list(refs: readonly string[]): string {
  return refs.length > 0
    ? refs.join(', ')
    : 'none configured in internalApi.admins';
}

function refused(reason: string): AccessDecision {
  return { decision: 'refused', reason };
}
