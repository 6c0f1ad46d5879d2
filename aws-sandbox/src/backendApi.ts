/** What a backend route answered. */
export interface BackendResponse<T = any> {
  status: number;
  headers: Headers;
  /** The parsed JSON; the text when the answer is not JSON; undefined when it is empty. */
  body: T;
}

export type BackendApi = ReturnType<typeof backendApi>;

/**
 * A backend's REST APIs called as one caller, the way the app calls them:
 * JSON in, JSON out, with `authorization` on every request. Give it
 * `mockCredentials.user.header(user)` in an in-process test backend, or
 * `Bearer <token>` of a real sign-in. Routes are appended to `baseUrl`, which
 * may end in a plugin's path (e.g. `…/api/catalog`).
 */
export function backendApi(baseUrl: string, authorization: string) {
  const call = async <T = any>(
    method: string,
    route: string,
    body?: unknown,
  ): Promise<BackendResponse<T>> => {
    const response = await fetch(`${baseUrl}${route}`, {
      method,
      headers: {
        authorization,
        // Backstage's routers parse bodies only when this says JSON.
        'content-type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return {
      status: response.status,
      headers: response.headers,
      body: await bodyOf(response),
    };
  };
  return {
    call,
    get: <T = any>(route: string) => call<T>('GET', route),
    post: <T = any>(route: string, body: unknown) =>
      call<T>('POST', route, body),
  };
}

// Error pages (a proxy's 502, a 204) must reach the test as data, not as a JSON SyntaxError.
async function bodyOf(response: Response) {
  const text = await response.text();
  if (text === '') {
    return undefined;
  }
  return /\bjson\b/.test(response.headers.get('content-type') ?? '')
    ? JSON.parse(text)
    : text;
}

/**
 * Polls the catalog until it holds `kind:default/name` and returns the entity:
 * the catalog processes new and changed locations a few seconds later, not
 * during the request that registers them.
 */
export async function waitForEntity(
  api: BackendApi,
  kind: string,
  name: string,
  options: { timeoutMs?: number; intervalMs?: number } = {},
) {
  const { timeoutMs = 90_000, intervalMs = 250 } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { status, body } = await api.get(
      `/api/catalog/entities/by-name/${kind}/default/${name}`,
    );
    if (status === 200) {
      return body;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${kind}:default/${name} not in the catalog after ${timeoutMs} ms (last answer: HTTP ${status})`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, intervalMs));
  }
}
