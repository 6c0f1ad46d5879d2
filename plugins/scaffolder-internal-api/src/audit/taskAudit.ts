import type {
  AuditorService,
  AuditorServiceCreateEventOptions,
  AuditorServiceEvent,
} from '@backstage/backend-plugin-api';
import type { ActionContext } from '@backstage/plugin-scaffolder-node';

/** An event's meta: JSON (the auditor's own type, so this package needs no @backstage/types). */
export type AuditMeta = NonNullable<AuditorServiceCreateEventOptions['meta']>;

/** The audit event ids this module emits (the auditor prefixes them with the plugin id, `scaffolder.`). */
export const AUDIT_EVENT_IDS = {
  routeWrite: 'internal-api-route-write',
  dnsWrite: 'internal-api-dns-write',
  catalogUnregister: 'internal-api-catalog-unregister',
  refusal: 'internal-api-refusal',
} as const;

/** The fields of an action's context an audit event names: who ran which task, from which template. */
export type AuditedContext = Pick<
  ActionContext<any, any>,
  'user' | 'task' | 'templateInfo' | 'isDryRun'
>;

/** What a writing action's options carry besides its context: the module's auditor. */
export type AuditAccess = { auditor: AuditorService };

/**
 * An action's auditor for one run of its handler. The scaffolder calls the
 * auditor as itself (the task runs in the background, with no request), so
 * the default auditor's `actor` is the scaffolder: the initiator, the person
 * the change is for, is in every event's meta.
 */
export type TaskAudit = {
  auditor: AuditorService;
  /** initiator, taskId, templateRef, actionId: the meta every event of the run starts with. */
  meta: AuditMeta;
};

export function taskAudit(
  auditor: AuditorService,
  ctx: AuditedContext,
  actionId: string,
): TaskAudit {
  return {
    auditor,
    meta: {
      initiator: ctx.user?.ref ?? null,
      taskId: ctx.task.id,
      templateRef: ctx.templateInfo?.entityRef ?? null,
      actionId,
    },
  };
}

// Errors a write's event already reported as failed: the handler's refusal audit must not report
// them a second time (a write refused halfway, e.g. a route that changed while the task ran).
const reportedErrors = new WeakSet<object>();

export function isReported(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && reportedErrors.has(error)
  );
}

/**
 * Runs one write between its audit event's start and its end: the event is
 * created (the default auditor logs it `initiated`) before the write is sent,
 * then marked succeeded with `outcome(result)` in its meta, or failed with the
 * write's error, which is then rethrown.
 */
export async function auditWrite<T>(
  audit: TaskAudit,
  event: {
    eventId: string;
    /** What is written and where: account, region, resource, change, operation. */
    meta: AuditMeta;
    outcome: (result: T) => AuditMeta;
  },
  write: () => Promise<T>,
): Promise<T> {
  const started: AuditorServiceEvent = await audit.auditor.createEvent({
    eventId: event.eventId,
    // Backstage's convention: changes are medium, reads low.
    severityLevel: 'medium',
    meta: { ...audit.meta, ...event.meta },
  });
  let result: T;
  try {
    result = await write();
  } catch (error) {
    if (typeof error === 'object' && error !== null) {
      reportedErrors.add(error);
    }
    await started.fail({ error: error as Error });
    throw error;
  }
  await started.success({ meta: event.outcome(result) });
  return result;
}
