import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoadBalancer {
  /** The replicas' shared `backend.baseUrl`, as a platform's load balancer gives them one. */
  url: string;
  /** Where requests go, in turn; a replica that refuses connections (dead) is skipped. */
  setTargets(targets: string[]): void;
  stop(): Promise<void>;
}

/**
 * A round-robin HTTP load balancer on loopback in front of backend replicas.
 * They must share one base URL: what one replica writes into a task's output
 * (a repository's URL on the local git publisher, served under the backend's
 * base URL) is read later by whichever replica resumes the task. A request
 * is buffered, so it can go to the next replica when one is down.
 */
export async function startLoadBalancer(): Promise<LoadBalancer> {
  let targets: string[] = [];
  let next = 0;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', chunk => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const order = targets.map(
        (_, index) => targets[(next + index) % targets.length],
      );
      next = (next + 1) % Math.max(targets.length, 1);
      const attempt = (remaining: string[]) => {
        if (remaining.length === 0) {
          response.writeHead(502).end('No backend replica is reachable');
          return;
        }
        const forwarded = http.request(
          new URL(request.url!, remaining[0]),
          { method: request.method, headers: request.headers },
          upstream => {
            response.writeHead(upstream.statusCode!, upstream.headers);
            upstream.pipe(response);
          },
        );
        forwarded.on('error', error => {
          if ((error as NodeJS.ErrnoException).code === 'ECONNREFUSED') {
            attempt(remaining.slice(1));
          } else if (!response.headersSent) {
            response.writeHead(502).end(String(error));
          }
        });
        forwarded.end(body);
      };
      attempt(order);
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    setTargets: urls => {
      targets = [...urls];
    },
    stop: () =>
      new Promise(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
