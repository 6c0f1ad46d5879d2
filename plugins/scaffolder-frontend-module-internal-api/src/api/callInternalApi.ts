import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';

/**
 * A refusal or failure of the internal-api backend, with its own sentence as
 * the message (e.g. "AWS could not be asked for the subnets. Try again; …")
 * and the HTTP status, so a page can tell e.g. "already decided" (409) apart.
 */
export class InternalApiResponseError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
    this.name = 'InternalApiResponseError';
  }
}

/**
 * One call to /api/internal-api through the app's fetch API, which adds the
 * signed-in user's token: the JSON answer, or the backend's sentence thrown.
 */
export async function callInternalApi<T>(
  apis: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  method: string,
  path: string,
  body?: object,
): Promise<T> {
  const baseUrl = await apis.discoveryApi.getBaseUrl('internal-api');
  const response = await apis.fetchApi.fetch(`${baseUrl}${path}`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : undefined,
    body: body && JSON.stringify(body),
  });
  const payload = await response.json().catch(() => undefined);
  if (!response.ok) {
    throw new InternalApiResponseError(
      payload?.error?.message ??
        `The internal-api backend answered HTTP ${response.status} for ${path}`,
      response.status,
    );
  }
  return payload as T;
}
