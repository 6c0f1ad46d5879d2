import type { BackendApi } from './backendApi';

export interface TaskEvent {
  type: string;
  body: {
    message?: string;
    stepId?: string;
    status?: string;
    output?: Record<string, any>;
    error?: { name: string; message: string };
  };
}

export interface TaskResult {
  id: string;
  status: string;
  events: TaskEvent[];
  /** The template's output (links, text) when the task completed. */
  output?: Record<string, any>;
  /** Log lines of the step that failed, the error message among them. */
  failure?: { stepId?: string; messages: string[] };
}

/** The log lines one step of a task wrote, in order. */
export const stepLog = (task: TaskResult, stepId: string) =>
  task.events
    .filter(event => event.type === 'log' && event.body.stepId === stepId)
    .map(event => event.body.message ?? '');

/** Creates a scaffolder task from a catalog template and waits until it finishes. */
export async function runTask(
  api: BackendApi,
  templateRef: string,
  values: Record<string, unknown>,
  timeoutMs = 180_000,
): Promise<TaskResult> {
  const created = await api.post('/api/scaffolder/v2/tasks', {
    templateRef,
    values,
    secrets: {},
  });
  if (created.status !== 201) {
    throw new Error(
      `Creating the task failed: HTTP ${created.status} ${JSON.stringify(
        created.body,
      )}`,
    );
  }
  return waitForTask(api, created.body.id, timeoutMs);
}

/**
 * Runs a finished task again with Backstage's retry (`POST
 * /v2/tasks/:id/retry`, the same task id and checkpoints) and waits until it
 * finishes. Its events then hold both runs.
 */
export async function retryTask(
  api: BackendApi,
  id: string,
  timeoutMs = 180_000,
): Promise<TaskResult> {
  const retried = await api.post(`/api/scaffolder/v2/tasks/${id}/retry`, {
    secrets: {},
  });
  if (retried.status !== 201) {
    throw new Error(
      `Retrying task ${id} failed: HTTP ${retried.status} ${JSON.stringify(
        retried.body,
      )}`,
    );
  }
  return waitForTask(api, id, timeoutMs);
}

/** Polls a task until it is completed, failed or cancelled; returns it with its events. */
export async function waitForTask(
  api: BackendApi,
  id: string,
  timeoutMs = 180_000,
): Promise<TaskResult> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const task = await api.get(`/api/scaffolder/v2/tasks/${id}`);
    if (['completed', 'failed', 'cancelled'].includes(task.body.status)) {
      const events: TaskEvent[] = (
        await api.get(`/api/scaffolder/v2/tasks/${id}/events`)
      ).body;
      // The last failed step: after a retry, the events of both runs are there.
      const failedStep = events
        .filter(event => event.type === 'log' && event.body.status === 'failed')
        .pop()?.body.stepId;
      return {
        id,
        status: task.body.status,
        events,
        output: events.find(event => event.type === 'completion')?.body.output,
        failure:
          task.body.status === 'failed'
            ? {
                stepId: failedStep,
                messages: events
                  .filter(
                    event =>
                      event.type === 'log' && event.body.stepId === failedStep,
                  )
                  .map(event => event.body.message ?? ''),
              }
            : undefined,
      };
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Task ${id} still ${task.body.status} after ${timeoutMs} ms`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}
