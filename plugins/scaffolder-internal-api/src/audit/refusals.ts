import type { AuditorService } from '@backstage/backend-plugin-api';
import type { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { AUDIT_EVENT_IDS, isReported, taskAudit } from './taskAudit';

// What the actions throw when they refuse the values (or the initiator), before writing anything.
const REFUSALS = ['InputError', 'NotAllowedError'];

/**
 * The action with one audit event for each refusal its handler throws, in a
 * dry-run too (a refusal at the form is one as well): the message, and the
 * account and region when the input names them. A write that failed halfway
 * was already reported by its own event and is not reported again.
 */
export function auditRefusals<TAction extends TemplateAction<any, any, any>>(
  auditor: AuditorService,
  action: TAction,
): TAction {
  return {
    ...action,
    async handler(ctx) {
      try {
        await action.handler(ctx);
      } catch (error) {
        const name = (error as Error)?.name;
        if (REFUSALS.includes(name) && !isReported(error)) {
          const { meta } = taskAudit(auditor, ctx, action.id);
          const input = (ctx.input ?? {}) as Record<string, unknown>;
          const event = await auditor.createEvent({
            eventId: AUDIT_EVENT_IDS.refusal,
            severityLevel: 'low',
            meta: {
              ...meta,
              dryRun: Boolean(ctx.isDryRun),
              ...(typeof input.accountId === 'string' && {
                accountId: input.accountId,
              }),
              ...(typeof input.region === 'string' && {
                region: input.region,
              }),
              refusal: name,
              message: (error as Error).message,
            },
          });
          await event.fail({ error: error as Error });
        }
        throw error;
      }
    },
  };
}
