import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeGithubApi {
  /** Give this to the integration as `apiBaseUrl`. */
  baseUrl: string;
  /** Every request as `METHOD /path authorization`, in order. */
  requests: string[];
  stop(): Promise<void>;
}

/**
 * A local HTTP server answering the two GitHub REST calls the repository check
 * makes, as api.github.com does: `GET /repos/{owner}/{repo}` and
 * `GET /users/{username}` answer 200 with a JSON body for what exists and 404
 * `{"message":"Not Found"}` otherwise, ignoring case. `failures` maps a path to
 * a status to answer instead (e.g. 403 for a token without access).
 */
export async function startFakeGithubApi(state: {
  users: string[];
  repos: string[];
  failures?: Record<string, number>;
}): Promise<FakeGithubApi> {
  const requests: string[] = [];
  const has = (list: string[], name: string) =>
    list.some(entry => entry.toLowerCase() === name.toLowerCase());
  const server = http.createServer((request, response) => {
    const path = new URL(request.url!, 'http://fake').pathname;
    requests.push(
      `${request.method} ${path} ${request.headers.authorization ?? '-'}`,
    );
    const answer = (status: number, body: object) =>
      response
        .writeHead(status, { 'content-type': 'application/json' })
        .end(JSON.stringify(body));
    const failure = state.failures?.[path];
    if (failure) {
      answer(failure, { message: 'Resource not accessible by integration' });
      return;
    }
    const repo = /^\/repos\/([^/]+)\/([^/]+)$/.exec(path);
    const user = /^\/users\/([^/]+)$/.exec(path);
    if (repo && has(state.repos, `${repo[1]}/${repo[2]}`)) {
      answer(200, { full_name: `${repo[1]}/${repo[2]}`, private: true });
    } else if (user && has(state.users, user[1])) {
      answer(200, { login: user[1], type: 'Organization' });
    } else {
      answer(404, {
        message: 'Not Found',
        documentation_url: 'https://docs.github.com/rest',
      });
    }
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
