import type { ConsumerApprovalRequest } from '@internal/plugin-internal-api-common';

/**
 * The person as the catalog presents them ("Sam (Orders team)"), or their ref
 * (user:default/sam) until the catalog has answered, or when it knows no more
 * than the ref's own name.
 */
export function personText(name: string, entityRef: string): string {
  const refName = entityRef.slice(entityRef.lastIndexOf('/') + 1);
  return name === entityRef || name === refName ? entityRef : name;
}

/** Who may decide: "a member of group:default/payments-team or an admin" (admins always may). */
export function approversText(approvers: string[]): string {
  if (approvers.length === 0) {
    return 'an admin';
  }
  return `a member of ${approvers.join(' or ')} or an admin`;
}

/** When, as the person's browser writes dates. */
export function whenText(iso: string | undefined): string {
  return iso ? new Date(iso).toLocaleString() : '';
}

/** "Approved by Pat (Payments team) on …"; for a pending request, who may decide. */
export function stateText(
  request: ConsumerApprovalRequest,
  deciderName: string,
): string {
  if (request.state === 'pending') {
    return `Waiting for ${approversText(request.approvers)} to decide`;
  }
  const verb = request.state === 'approved' ? 'Approved' : 'Rejected';
  const by = request.decidedBy
    ? ` by ${personText(deciderName, request.decidedBy)}`
    : '';
  const when = request.decidedAt ? ` on ${whenText(request.decidedAt)}` : '';
  return `${verb}${by}${when}`;
}

/**
 * What happens once decided, in the words of the task's own message ("press
 * Retry on this task's page"), so the requester recognises the step.
 * Without a name, the reader is the requester.
 */
export function nextStepText(
  request: ConsumerApprovalRequest,
  requesterName?: string,
): string {
  const who = requesterName ?? 'You';
  const whose = requesterName ? `The task of ${requesterName}` : 'Your task';
  if (request.state === 'approved') {
    return `${who} can now press Retry on the task's page; the task goes on from where it stopped and adds consumer ${request.consumer}.`;
  }
  if (request.state === 'rejected') {
    return `${whose} will not add consumer ${request.consumer}: a retry stops at the same step again. To go on without it, run the template again without ${request.consumer}.`;
  }
  return '';
}
