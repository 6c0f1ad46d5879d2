import { BackendApi, backendApi } from '@internal/aws-sandbox';

/** A signed-in guest's view of the backend's REST APIs, as the app calls them. */
export async function signInAsGuest(baseUrl: string): Promise<BackendApi> {
  const response = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  if (!response.ok) {
    throw new Error(`Guest sign-in failed: HTTP ${response.status}`);
  }
  const { backstageIdentity } = await response.json();
  return backendApi(baseUrl, `Bearer ${backstageIdentity.token}`);
}

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
  const id: string = created.body.id;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const task = await api.get(`/api/scaffolder/v2/tasks/${id}`);
    if (['completed', 'failed', 'cancelled'].includes(task.body.status)) {
      const events: TaskEvent[] = (
        await api.get(`/api/scaffolder/v2/tasks/${id}/events`)
      ).body;
      const failedStep = events.find(
        event => event.type === 'log' && event.body.status === 'failed',
      )?.body.stepId;
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
