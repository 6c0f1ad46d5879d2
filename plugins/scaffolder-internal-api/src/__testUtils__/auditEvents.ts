import type {
  AuditorService,
  AuditorServiceCreateEventOptions,
} from '@backstage/backend-plugin-api';
import type { ServiceMock } from '@backstage/backend-test-utils';

/** One audit event as the default auditor would log its last state. */
export type RecordedAuditEvent = {
  eventId: string;
  severityLevel?: string;
  status: 'initiated' | 'succeeded' | 'failed';
  /** The event's meta merged with its success or failure meta, as the default auditor merges them. */
  meta: Record<string, any>;
  error?: Error;
};

/**
 * The events an action sent to Backstage's mock auditor
 * (`mockServices.auditor.mock()`), in order, optionally only those of
 * `eventId`. Throws when one of them ended twice (success and fail, or
 * either twice): the auditor would log two outcomes of one change.
 */
export async function auditEvents(
  auditor: ServiceMock<AuditorService>,
  eventId?: string,
): Promise<RecordedAuditEvent[]> {
  const { calls, results } = (auditor.createEvent as jest.Mock).mock;
  const picked = calls
    .map(([options], index) => ({
      options: options as AuditorServiceCreateEventOptions,
      handle: results[index].value,
    }))
    .filter(({ options }) => !eventId || options.eventId === eventId);
  return Promise.all(
    picked.map(async ({ options, handle: started }, index) => {
      const { eventId: id, severityLevel, meta } = options;
      const handle = await started;
      const successes = (handle.success as jest.Mock).mock.calls;
      const failures = (handle.fail as jest.Mock).mock.calls;
      if (successes.length + failures.length > 1) {
        throw new Error(`Audit event ${id} #${index} ended more than once`);
      }
      const end = successes[0]?.[0] ?? failures[0]?.[0];
      const recorded: RecordedAuditEvent = {
        eventId: id,
        severityLevel,
        status: statusOf(successes.length, failures.length),
        meta: { ...meta, ...end?.meta },
        ...(end?.error && { error: end.error }),
      };
      return recorded;
    }),
  );
}

function statusOf(successes: number, failures: number) {
  if (successes > 0) {
    return 'succeeded';
  }
  return failures > 0 ? 'failed' : 'initiated';
}
