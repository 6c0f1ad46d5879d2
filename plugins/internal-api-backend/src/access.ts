import { parseEntityRef } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import type {
  ConsumerAccess,
  ConsumerNetwork,
  WorkloadAccount,
  WorkloadAccountList,
} from '@internal/plugin-internal-api-common';
import {
  type Access,
  mayAddConsumer,
  mayCreateIn,
} from '@internal/plugin-internal-api-node';

/**
 * What the lookups let a user see and ask, decided by the same rules as the
 * permission policy and the actions (internal-api-node's access/rules.ts), so
 * the form offers only what the task would accept.
 */

/** The accounts the user may create in; with none, a sentence saying who owns which and how to get access. */
export function accountsFor(
  access: Access,
  accounts: readonly WorkloadAccount[],
): WorkloadAccountList {
  const items = accounts
    .filter(a => mayCreateIn(access, a.accountId).decision === 'allowed')
    .map(({ accountId, title, region, vpcId }) => ({
      accountId,
      title,
      region,
      vpcId,
    }));
  return items.length > 0
    ? { items }
    : { items, noAccountReason: noAccountReason(access) };
}

/**
 * One sentence for every account rather than each rule's own, which would
 * repeat the same advice per account under the form's field.
 */
function noAccountReason(access: Access): string {
  const { workloadAccounts, admins } = access.config;
  if (workloadAccounts.length === 0) {
    return 'No workload accounts are configured (internalApi.workloadAccounts): ask the platform team to add one.';
  }
  const owned = workloadAccounts.map(
    a =>
      `${a.title} (${a.accountId}) ${
        a.owners.length > 0
          ? `is owned by ${groupNames(a.owners)}`
          : 'has no owners'
      }`,
  );
  const byAdmins =
    admins.length > 0 ? `; admins (${groupNames(admins)}) may use all` : '';
  return (
    `You may not create internal APIs in any workload account. ${owned.join(
      '; ',
    )}${byAdmins}. ` +
    'Ask a member of the owning team to add you to it (or to one of its child groups) in the catalog.'
  );
}

/**
 * Refuses (403, the rule's sentence) a lookup in a configured account the
 * user may not create in, before it reads AWS there. An account that is not
 * configured is left to the lookup, which refuses it as the action does
 * (`problems`, no AWS call); a malformed one too.
 */
export function assertMayCreateIn(access: Access, accountId: unknown): void {
  if (
    typeof accountId !== 'string' ||
    !access.config.workloadAccounts.some(a => a.accountId === accountId)
  ) {
    return;
  }
  const decided = mayCreateIn(access, accountId);
  if (decided.decision !== 'allowed') {
    throw new NotAllowedError(decided.reason);
  }
}

/** A consumer the picker offers, with what adding it means for the user. */
export type ConsumerChoice = { access: ConsumerAccess; current?: boolean };

/**
 * The consumers the picker offers the user, in configured order: those they
 * may add or ask approval for, and the API's `current` consumers whatever the
 * decision, since keeping a consumer adds nothing.
 */
export function consumerChoices(
  access: Access,
  consumers: readonly ConsumerNetwork[],
  current: readonly string[],
): Map<string, ConsumerChoice> {
  const choices = new Map<string, ConsumerChoice>();
  for (const { name } of consumers) {
    const decided = mayAddConsumer(access, name);
    const isCurrent = current.includes(name);
    if (isCurrent) {
      choices.set(name, { access: decided, current: true });
    } else if (decided.decision !== 'refused') {
      choices.set(name, { access: decided });
    }
  }
  return choices;
}

/** `payments-team` for group:default/payments-team; the namespace stays when it is not the default. */
function groupNames(refs: readonly string[]): string {
  return refs
    .map(ref => {
      const { namespace, name } = parseEntityRef(ref);
      return namespace === 'default' ? name : `${namespace}/${name}`;
    })
    .join(', ');
}
