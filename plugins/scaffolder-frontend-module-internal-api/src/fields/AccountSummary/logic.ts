import {
  ACCOUNT_ID,
  type WorkloadAccount,
} from '@internal/plugin-internal-api-common';

/**
 * `Orders (sandbox) · 444455556666` for a configured account; the bare id for
 * one typed by hand (the list could not load); nothing before there is an id.
 */
export function accountSummary(
  accounts: WorkloadAccount[] | undefined,
  accountId: unknown,
): string | undefined {
  if (typeof accountId !== 'string' || !ACCOUNT_ID[0].test(accountId)) {
    return undefined;
  }
  const account = accounts?.find(a => a.accountId === accountId);
  return account ? `${account.title} · ${accountId}` : accountId;
}
