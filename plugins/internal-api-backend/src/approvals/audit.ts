import type {
  AuditorService,
  AuditorServiceCreateEventOptions,
} from '@backstage/backend-plugin-api';
import type { ConsumerApprovalRequest } from '@internal/plugin-internal-api-common';
import type { Request } from 'express';

/** The approvals' audit event ids (the auditor prefixes them with the plugin id, `internal-api.`). */
export const APPROVAL_AUDIT_EVENTS = {
  request: 'internal-api-approval-request',
  decision: 'internal-api-approval-decision',
} as const;

type AuditMeta = NonNullable<AuditorServiceCreateEventOptions['meta']>;

/** What an event names about a request: which task, consumer, account and API. */
export function requestMeta(request: ConsumerApprovalRequest): AuditMeta {
  return {
    requestId: request.id,
    taskId: request.taskId,
    consumer: request.consumer,
    accountId: request.accountId,
    api: request.api,
  };
}

/**
 * Runs a change between its audit event's start and end, so a refusal is
 * recorded as well as a success: the event fails with the refusal's error.
 * `found` is meta the change learns on the way (the request it touched),
 * added to the event's end whichever way it ends.
 */
export async function audited<T>(
  auditor: AuditorService,
  event: { eventId: string; request: Request; meta: AuditMeta },
  change: (found: AuditMeta) => Promise<{ result: T; outcome: AuditMeta }>,
): Promise<T> {
  const started = await auditor.createEvent({
    eventId: event.eventId,
    // Backstage's convention: changes are medium, reads low.
    severityLevel: 'medium',
    request: event.request,
    meta: event.meta,
  });
  const found: AuditMeta = {};
  let done: { result: T; outcome: AuditMeta };
  try {
    done = await change(found);
  } catch (error) {
    await started.fail({ error: error as Error, meta: found });
    throw error;
  }
  await started.success({ meta: { ...found, ...done.outcome } });
  return done.result;
}

/** The strings of an unvalidated body under `keys`, cut short: what an event may name before validation. */
export function bodyStrings(body: unknown, keys: readonly string[]) {
  const meta: Record<string, string> = {};
  for (const key of keys) {
    const value = (body as Record<string, unknown> | undefined)?.[key];
    if (typeof value === 'string') {
      meta[key] = value.slice(0, 256);
    }
  }
  return meta;
}
