import type { WorkloadAccount } from '@internal/plugin-internal-api-common';

export const accountLabel = (account: WorkloadAccount) =>
  `${account.title} · ${account.accountId} · ${account.region}`;
