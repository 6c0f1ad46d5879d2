import type { Config } from '@backstage/config';
import { readGroupRef } from './refs';

/**
 * What a non-owner's request to add a consumer gets: `required`, it waits for
 * an owner's approval; `none`, it is refused.
 */
export type ConsumerApproval = 'required' | 'none';

/**
 * Who may use what, as config says (`internalApi.*.owners`, `approval`,
 * `admins`). Every ref is a group ref spelled as `entityRefKey` spells it.
 * Empty owners mean admins only (fail closed).
 */
export type AccessConfig = {
  admins: string[];
  workloadAccounts: Array<{
    accountId: string;
    title: string;
    owners: string[];
  }>;
  consumers: Array<{
    name: string;
    owners: string[];
    approval: ConsumerApproval;
  }>;
};

/** The group refs under `key` of `config`, each checked; none when the key is missing. */
export function readOwners(config: Config, key: string, path: string) {
  const refs = (config.getOptionalStringArray(key) ?? []).map((ref, i) =>
    readGroupRef(ref, `${path}.${key}[${i}]`),
  );
  return [...new Set(refs)];
}

/** A consumer's `approval`, `none` when missing. */
export function readApproval(config: Config, path: string): ConsumerApproval {
  const approval = config.getOptionalString('approval') ?? 'none';
  if (approval !== 'required' && approval !== 'none') {
    throw new Error(
      `${path}.approval '${approval}' is not an approval mode: use 'required' (an owner of the consumer approves ` +
        "other teams' requests) or 'none' (other teams are refused; the default).",
    );
  }
  return approval;
}

/**
 * Sentences for the backend to log at startup about access that config leaves
 * to admins alone, or to no one: accounts and consumers without owners, and
 * no `internalApi.admins`. Empty when every account and consumer has owners
 * and admins are set.
 */
export function accessWarnings(access: AccessConfig): string[] {
  const unowned = [
    ...access.workloadAccounts
      .filter(a => a.owners.length === 0)
      .map(a => `account ${a.accountId} (${a.title})`),
    ...access.consumers
      .filter(c => c.owners.length === 0)
      .map(c => `consumer ${c.name}`),
  ];
  const names = unowned.join(', ');
  const [has, it] = unowned.length === 1 ? ['has', 'it'] : ['have', 'them'];
  const warnings: string[] = [];
  if (unowned.length > 0) {
    warnings.push(
      `internalApi: ${names} ${has} no owners, so only admins may use ${it}; set owners: [group:default/<team>] to let a team use ${it}.`,
    );
  }
  if (access.admins.length === 0) {
    const unusable =
      unowned.length > 0 ? `${names} cannot be used by anyone, ` : '';
    warnings.push(
      `internalApi.admins is not set, so nobody is an admin: ${unusable}only owners may change or decommission an API, ` +
        'and nobody may clean up a half-created one; set internalApi.admins: [group:default/<platform team>].',
    );
  }
  return warnings;
}
