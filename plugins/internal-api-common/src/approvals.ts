/**
 * Adding a consumer whose config says `approval: required`, by someone who is
 * not one of its owners: the task stops before any write and records one of
 * these; an owner of the consumer approves or rejects it in the app, and the
 * requester retries the task (same task id), which then goes on.
 * One request per task and consumer.
 */
export type ConsumerApprovalRequest = {
  /** Opaque id, used in the approval page's URL. */
  id: string;
  /** The scaffolder task that stopped for it; only that task may use the approval. */
  taskId: string;
  /** The consumer network's name (internalApi.consumers[].name). */
  consumer: string;
  /** The workload account of the API that would get routes to the consumer. */
  accountId: string;
  /** The API the consumer would reach: its domain, e.g. orders.internal.example.com. */
  api: string;
  /** Who started the task (from the task's credentials, never from the request body). */
  requestedBy: string;
  requestedAt: string;
  /** The consumer's owners (group refs): a member of one of them, or an admin, decides. */
  approvers: string[];
  state: ConsumerApprovalState;
  decidedBy?: string;
  decidedAt?: string;
  /** Optional words of the person who decided. */
  comment?: string;
};

export type ConsumerApprovalState = 'pending' | 'approved' | 'rejected';

/** What a task sends to ask for an approval; who asks comes from its credentials. */
export type ConsumerApprovalAsk = Pick<
  ConsumerApprovalRequest,
  'taskId' | 'consumer' | 'accountId' | 'api'
>;

/** The longest comment a decision may carry. */
export const APPROVAL_COMMENT_MAX_LENGTH = 2000;

/** POST /api/internal-api/approvals/:id/decision: an approver's answer. */
export type ConsumerApprovalDecision = {
  decision: 'approve' | 'reject';
  /** At most {@link APPROVAL_COMMENT_MAX_LENGTH} characters. */
  comment?: string;
};

/** GET /api/internal-api/approvals: what the signed-in user may decide, and what they asked for. */
export type ConsumerApprovalsResponse = {
  toDecide: ConsumerApprovalRequest[];
  requestedByMe: ConsumerApprovalRequest[];
};

/** The app's page for one request, relative to app.baseUrl. */
export function approvalPagePath(id: string): string {
  return `/internal-api/approvals/${encodeURIComponent(id)}`;
}
