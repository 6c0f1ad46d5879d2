/** A signed-in guest's view of the backend's REST APIs, as the app calls them. */
export async function signInAsGuest(baseUrl: string) {
  const response = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  if (!response.ok) {
    throw new Error(`Guest sign-in failed: HTTP ${response.status}`);
  }
  const { backstageIdentity } = await response.json();
  const token: string = backstageIdentity.token;

  const call = async (method: string, route: string, body?: unknown) => {
    const result = await fetch(`${baseUrl}${route}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: result.status, body: await result.json() };
  };
  return {
    get: (route: string) => call('GET', route),
    post: (route: string, body: unknown) => call('POST', route, body),
  };
}

export type BackstageApi = Awaited<ReturnType<typeof signInAsGuest>>;

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
  api: BackstageApi,
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
  require('fs').appendFileSync('/tmp/xt.log', `created ${Date.now()}\n`);
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

/** Polls the catalog until an entity exists (processing is asynchronous). */
export async function waitForEntity(
  api: BackstageApi,
  kind: string,
  name: string,
  timeoutMs = 90_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await api.get(
      `/api/catalog/entities/by-name/${kind}/default/${name}`,
    );
    if (response.status === 200) {
      return response.body;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${kind}:default/${name} not in the catalog after ${timeoutMs} ms`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}
