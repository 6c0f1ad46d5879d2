import type { WorkloadAccount } from '@internal/plugin-internal-api-common';

/** The configured account the form names; undefined for an account typed in by hand. */
export const pickedAccount = (
  accounts: WorkloadAccount[] | undefined,
  accountId: unknown,
) => accounts?.find(account => account.accountId === accountId);
