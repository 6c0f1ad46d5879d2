import type {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import type {
  ConsumerApprovalAsk,
  ConsumerApprovalRequest,
} from '@internal/plugin-internal-api-common';

/**
 * The approvals of consumers that need one, as a task sees them (the
 * internal-api backend keeps them; the scaffolder module reaches it through
 * this). `request` is idempotent: the same task and consumer give back the
 * same request, whatever its state, so a retried task finds its approval.
 */
export interface ConsumerApprovals {
  request(
    ask: ConsumerApprovalAsk,
    options: { credentials: BackstageCredentials<BackstageUserPrincipal> },
  ): Promise<ConsumerApprovalRequest>;
}
