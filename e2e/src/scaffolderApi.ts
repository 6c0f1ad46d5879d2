import { BackendApi, backendApi } from '@internal/aws-sandbox';

// The task helpers live with the backend API helper, for the template's in-process tests too.
export { runTask } from '@internal/aws-sandbox';
export type { TaskEvent, TaskResult } from '@internal/aws-sandbox';

/**
 * One of the sandbox's people's view of the backend's REST APIs, as the app
 * calls them once signed in as them (app-config.sandbox-people.yaml lists the people:
 * sam, pat, ada, lee). Sign-in answers 404 until the catalog has read
 * org/sandbox.yaml, a few seconds after the backend is ready, so it waits up
 * to `timeoutMs` for that; any other refusal fails at once.
 */
export async function signInAs(
  baseUrl: string,
  person = 'sam',
  timeoutMs = 90_000,
): Promise<BackendApi> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${baseUrl}/api/auth/sandbox/refresh`, {
      headers: {
        'x-requested-with': 'XMLHttpRequest',
        'x-sandbox-person': person,
      },
    });
    if (response.ok) {
      const { backstageIdentity } = await response.json();
      return backendApi(baseUrl, `Bearer ${backstageIdentity.token}`);
    }
    if (response.status !== 404 || Date.now() > deadline) {
      // Backstage's error body names the reason; keep only that, not its stack.
      const body = await response.text();
      const reason = (() => {
        try {
          return JSON.parse(body).error.message;
        } catch {
          return body;
        }
      })();
      throw new Error(
        `Sign-in as ${person} failed: HTTP ${response.status}: ${reason}`,
      );
    }
    await response.body?.cancel();
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}
