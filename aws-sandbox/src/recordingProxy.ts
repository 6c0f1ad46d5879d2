import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isWriteOperation, RecordedCall } from './recordedCall';

export type { RecordedCall } from './recordedCall';

export interface RecordingProxy {
  /** Give this to the process under test as AWS_ENDPOINT_URL. */
  readonly endpoint: string;
  calls(): RecordedCall[];
  /** Forgets the calls recorded so far. */
  clear(): void;
  stop(): Promise<void>;
}

// Route 53 is a REST API: the operation is in the method and the path.
const ROUTE53_OPERATIONS: [string, RegExp, string][] = [
  ['GET', /\/hostedzone\/[^/]+\/rrset\/?$/, 'ListResourceRecordSets'],
  ['POST', /\/hostedzone\/[^/]+\/rrset\/?$/, 'ChangeResourceRecordSets'],
  ['GET', /\/hostedzone\/?$/, 'ListHostedZones'],
  ['POST', /\/hostedzone\/?$/, 'CreateHostedZone'],
  ['GET', /\/hostedzonesbyname\/?$/, 'ListHostedZonesByName'],
  ['GET', /\/hostedzone\/[^/]+\/?$/, 'GetHostedZone'],
  ['DELETE', /\/hostedzone\/[^/]+\/?$/, 'DeleteHostedZone'],
  ['GET', /\/change\/[^/]+\/?$/, 'GetChange'],
];

function callOf(
  service: string,
  method: string,
  url: string,
  body: string,
): RecordedCall {
  const action = new URLSearchParams(body).get('Action');
  if (action) {
    return { service, operation: action, write: isWriteOperation(action) };
  }
  const pathname = new URL(url, 'http://proxy').pathname;
  const known = ROUTE53_OPERATIONS.find(
    ([verb, pattern]) => verb === method && pattern.test(pathname),
  );
  return known
    ? { service, operation: known[2], write: isWriteOperation(known[2]) }
    : // A REST call the table does not name: only its method tells a read.
      {
        service,
        operation: `${service} ${method} ${pathname}`,
        write: method !== 'GET',
      };
}

/**
 * The emulator URL for a request target, or undefined when the target is not
 * a path on it. Resolving the raw target against the emulator (`new URL(url,
 * target)`) would follow absolute (`http://host/…`) and protocol-relative
 * (`//host/…`) targets and make this an open forward proxy on loopback.
 */
export function emulatorUrl(target: string, requestTarget: string) {
  const emulator = new URL(target);
  if (!requestTarget.startsWith('/') || requestTarget.startsWith('//')) {
    return undefined;
  }
  const url = new URL(`${emulator.origin}${requestTarget}`);
  return url.origin === emulator.origin ? url : undefined;
}

/**
 * An HTTP proxy in front of the emulator that records every AWS call, so a
 * test or benchmark can count what a process (the backend) really sent,
 * writes above all, without instrumenting the process.
 */
export async function startRecordingProxy(
  target: string,
): Promise<RecordingProxy> {
  let calls: RecordedCall[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', chunk => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const scope = /Credential=[^/]+\/[^/]+\/[^/]+\/([^/]+)\//.exec(
        request.headers.authorization ?? '',
      );
      const service = scope?.[1] ?? 'unsigned';
      if (service !== 'unsigned') {
        calls.push(
          callOf(service, request.method!, request.url!, body.toString()),
        );
      }
      const upstreamUrl = emulatorUrl(target, request.url!);
      if (!upstreamUrl) {
        response
          .writeHead(400, { 'content-type': 'text/plain' })
          .end(
            `The recording proxy forwards only to the emulator at ${target}; send an origin-form request such as /path?query.`,
          );
        return;
      }
      const forwarded = http.request(
        upstreamUrl,
        { method: request.method, headers: request.headers },
        upstream => {
          response.writeHead(upstream.statusCode!, upstream.headers);
          upstream.pipe(response);
        },
      );
      forwarded.on('error', error => {
        response.writeHead(502).end(String(error));
      });
      forwarded.end(body);
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls: () => [...calls],
    clear: () => {
      calls = [];
    },
    stop: () =>
      new Promise(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
