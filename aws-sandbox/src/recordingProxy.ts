import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { EmulatorAnswer, emulatorGaps } from './emulatorGaps';
import { RecordedCall, recordedCall } from './recordedCall';
import { readRecordSetsAs, route53DeleteRefusal } from './route53Gaps';

export type { RecordedCall } from './recordedCall';

export interface RecordingProxy {
  /** Give this to the process under test as AWS_ENDPOINT_URL. */
  readonly endpoint: string;
  calls(): RecordedCall[];
  /** Forgets the calls recorded so far. */
  clear(): void;
  /** From now on EC2 answers this operation UnauthorizedOperation, as for a role without the permission. */
  deny(operation: string): void;
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
  const params = new URLSearchParams(body);
  const action = params.get('Action');
  if (action) {
    return recordedCall(service, action, params.get('DryRun') === 'true');
  }
  const pathname = new URL(url, 'http://proxy').pathname;
  const known = ROUTE53_OPERATIONS.find(
    ([verb, pattern]) => verb === method && pattern.test(pathname),
  );
  return known
    ? recordedCall(service, known[2])
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
 * writes above all, without instrumenting the process. It also closes the
 * emulator's gaps that our rules depend on (emulatorGaps.ts: dry runs,
 * cross-account route targets, duplicate transit gateway routes;
 * route53Gaps.ts: a Route 53 DELETE must match the record), so
 * everything that talks to the sandbox through it sees AWS's answers.
 */
export async function startRecordingProxy(
  target: string,
  /** `record: false` for a long-running sandbox (npm start) that never reads the calls. */
  options: { record?: boolean } = {},
): Promise<RecordingProxy> {
  const record = options.record ?? true;
  let calls: RecordedCall[] = [];
  const gaps = emulatorGaps();
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', chunk => chunks.push(chunk));
    request.on('end', async () => {
      const body = Buffer.concat(chunks);
      const scope = /Credential=[^/]+\/[^/]+\/[^/]+\/([^/]+)\//.exec(
        request.headers.authorization ?? '',
      );
      const service = scope?.[1] ?? 'unsigned';
      if (record && service !== 'unsigned') {
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
      // EC2 is a query API: its parameters are the form body. Route 53 (REST) has no Action.
      const params = new URLSearchParams(
        service === 'ec2' ? body.toString() : '',
      );
      let answer: EmulatorAnswer | undefined;
      try {
        answer =
          service === 'route53'
            ? await route53DeleteRefusal(
                request.method!,
                upstreamUrl.pathname,
                body.toString(),
                readRecordSetsAs(upstreamUrl.origin, request.headers),
              )
            : gaps.answer(params);
      } catch (error) {
        response.writeHead(502).end(String(error));
        return;
      }
      if (answer) {
        response
          .writeHead(answer.status, { 'content-type': 'text/xml' })
          .end(answer.body);
        return;
      }
      const forwarded = http.request(
        upstreamUrl,
        { method: request.method, headers: request.headers },
        upstream => {
          const instead = gaps.failure(params, upstream.statusCode!);
          if (instead) {
            upstream.resume();
            response
              .writeHead(instead.status, { 'content-type': 'text/xml' })
              .end(instead.body);
            return;
          }
          if (upstream.statusCode! < 300) {
            gaps.accepted(params);
          }
          if (!gaps.patches(params)) {
            response.writeHead(upstream.statusCode!, upstream.headers);
            upstream.pipe(response);
            return;
          }
          const parts: Buffer[] = [];
          upstream.on('data', part => parts.push(part));
          upstream.on('end', () => {
            const patched = gaps.patch(params, Buffer.concat(parts).toString());
            response
              .writeHead(upstream.statusCode!, {
                ...upstream.headers,
                'content-length': Buffer.byteLength(patched),
              })
              .end(patched);
          });
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
    deny: operation => gaps.deny(operation),
    stop: () =>
      new Promise(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
