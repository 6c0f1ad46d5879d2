import type {
  AuditorService,
  AuditorServiceCreateEventOptions,
} from '@backstage/backend-plugin-api';
import type { ServiceMock } from '@backstage/backend-test-utils';

/** One audit event as the default auditor would log its end: its meta merged with the end's. */
export type RecordedEvent = {
  eventId: string;
  severityLevel?: string;
  status: 'initiated' | 'succeeded' | 'failed';
  meta: Record<string, unknown>;
  error?: string;
};

/** The events sent to the mock auditor, in order; a test clears the mock to read only its own. */
export async function auditEvents(
  auditor: ServiceMock<AuditorService>,
): Promise<RecordedEvent[]> {
  const { calls, results } = (auditor.createEvent as jest.Mock).mock;
  return Promise.all(
    calls.map(async ([options], index) => {
      const { eventId, severityLevel, meta } =
        options as AuditorServiceCreateEventOptions;
      const handle = await results[index].value;
      const success = (handle.success as jest.Mock).mock.calls[0]?.[0];
      const failure = (handle.fail as jest.Mock).mock.calls[0]?.[0];
      const end = success ?? failure;
      let status: RecordedEvent['status'] = 'initiated';
      if (end) {
        status = success ? 'succeeded' : 'failed';
      }
      return {
        eventId,
        severityLevel,
        status,
        meta: { ...meta, ...end?.meta },
        ...(failure && { error: String(failure.error?.message) }),
      } as RecordedEvent;
    }),
  );
}
