import { BackendApi, backendApi } from '@internal/aws-sandbox';

// The task helpers live with the backend API helper, for the template's in-process tests too.
export { runTask } from '@internal/aws-sandbox';
export type { TaskEvent, TaskResult } from '@internal/aws-sandbox';

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
