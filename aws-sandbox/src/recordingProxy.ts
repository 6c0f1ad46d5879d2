import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { EmulatorAnswer, emulatorGaps } from './emulatorGaps';
import { AwsLatencyOptions, awsLatencyModel } from './awsLatency';
import { AwsRequest, RecordedCall, recordedCall } from './recordedCall';
import { createRequestLog } from './requestLog';
import { route53Gaps } from './route53Gaps';
import { route53Propagation } from './route53Propagation';

export type { AwsRequest, RecordedCall } from './recordedCall';

export interface RecordingProxy {
  /** Give this to the process under test as AWS_ENDPOINT_URL. */
  readonly endpoint: string;
  /** The calls recorded so far; with `via`, only those that came through that entrance. */
  calls(via?: string): RecordedCall[];
  /** Forgets the calls recorded so far (not the requests). */
  clear(): void;
  /**
   * Every request since the proxy started (`clear` keeps them), with who
   * signed it, where, its parameters and its answer's status: what IAM
   * decides a call on (aws-roles' policy coverage check reads them).
   */
  requests(): AwsRequest[];
  /** From now on EC2 answers this operation UnauthorizedOperation, as for a role without the permission. */
  deny(operation: string): void;
  /**
   * Another endpoint of the same proxy (same recording, same emulator state
   * and gap answers), whose calls are recorded as coming `via` this name:
   * one per backend process, to tell which replica made a call.
   */
  entrance(via: string): Promise<string>;
  /**
   * Holds the next call that `matches` before it reaches the emulator, and
   * resolves once it arrives: a test can then kill the caller while its
   * write is in flight, and `release()` it to the emulator afterwards (the
   * write lands, the answer goes nowhere, as when a process dies mid-call).
   */
  hold(matches: (call: RecordedCall) => boolean): Promise<HeldCall>;
  stop(): Promise<void>;
}

/** A call the proxy keeps from the emulator until `release()`. */
export interface HeldCall {
  call: RecordedCall;
  /** The entrance it came through (`main` for `endpoint`). */
  via: string;
  release(): void;
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
 * route53Gaps.ts: a Route 53 DELETE must match the record, a CREATE of an
 * existing record is refused, one change per zone at a time;
 * route53NameServers.ts: each zone has name servers of its own), so
 * everything that talks to the sandbox through it sees AWS's answers. With
 * `awsLatency` it also answers as slowly as AWS (awsLatency.ts).
 */
export async function startRecordingProxy(
  target: string,
  options: {
    /** `false` for a long-running sandbox (npm start) that never reads the calls. */
    record?: boolean;
    /** AWS's call latency and Route 53 propagation (awsLatency.ts), for benchmarks; off by default. */
    awsLatency?: AwsLatencyOptions;
  } = {},
): Promise<RecordingProxy> {
  const record = options.record ?? true;
  let calls: { call: RecordedCall; via: string }[] = [];
  const log = createRequestLog();
  let holds: {
    matches: (call: RecordedCall) => boolean;
    arrived: (held: HeldCall) => void;
  }[] = [];
  const gaps = emulatorGaps();
  const latency = options.awsLatency && awsLatencyModel(options.awsLatency);
  const route53 = route53Gaps(
    new URL(target).origin,
    latency && route53Propagation(latency.route53PendingMs),
  );
  // Waits while a hold keeps the call; resolves at once for every other call.
  const heldUntilReleased = (call: RecordedCall, via: string) => {
    const hold = holds.find(candidate => candidate.matches(call));
    if (!hold) {
      return Promise.resolve();
    }
    holds = holds.filter(candidate => candidate !== hold);
    return new Promise<void>(release => hold.arrived({ call, via, release }));
  };
  const handler =
    (via: string) =>
    (request: http.IncomingMessage, response: http.ServerResponse) => {
      // A held call's caller may be gone (killed) by the time its answer comes.
      response.on('error', () => undefined);
      const chunks: Buffer[] = [];
      request.on('data', chunk => chunks.push(chunk));
      request.on('end', async () => {
        const body = Buffer.concat(chunks);
        const scope = /Credential=[^/]+\/[^/]+\/[^/]+\/([^/]+)\//.exec(
          request.headers.authorization ?? '',
        );
        const service = scope?.[1] ?? 'unsigned';
        let logged: AwsRequest | undefined;
        if (service !== 'unsigned') {
          const call = callOf(
            service,
            request.method!,
            request.url!,
            body.toString(),
          );
          if (record) {
            calls.push({ call, via });
            logged = log.add(call, {
              authorization: request.headers.authorization,
              method: request.method!,
              url: request.url!,
              body: body.toString(),
            });
            const entry = logged;
            response.on('finish', () =>
              log.finished(entry, response.statusCode),
            );
          }
          await heldUntilReleased(call, via);
          await latency?.delay(service);
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
        const { method } = request;
        const { pathname } = upstreamUrl;
        let answer: EmulatorAnswer | undefined;
        try {
          if (service === 'route53') {
            const checked = await route53.check(
              method!,
              pathname,
              body.toString(),
              request.headers,
            );
            response.on('close', checked.done);
            answer = checked.answer;
          } else {
            answer = gaps.answer(params);
          }
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
            const route53Patches =
              service === 'route53' && route53.patches(method!, pathname);
            if (!gaps.patches(params) && !route53Patches) {
              if (logged?.operation === 'AssumeRole') {
                // The keys it issues sign the caller's next requests: learn whose they are
                // before the caller can use them (this listener runs before pipe's end).
                const entry = logged;
                const parts: Buffer[] = [];
                upstream.on('data', part => parts.push(part));
                upstream.on('end', () =>
                  log.answered(
                    entry,
                    upstream.statusCode!,
                    Buffer.concat(parts).toString(),
                  ),
                );
              }
              response.writeHead(upstream.statusCode!, upstream.headers);
              upstream.pipe(response);
              return;
            }
            const parts: Buffer[] = [];
            upstream.on('data', part => parts.push(part));
            upstream.on('end', async () => {
              const text = Buffer.concat(parts).toString();
              let patched: string;
              try {
                patched = route53Patches
                  ? await route53.patch(
                      method!,
                      pathname,
                      upstream.statusCode!,
                      text,
                      request.headers,
                    )
                  : gaps.patch(params, text);
              } catch (error) {
                response.writeHead(502).end(String(error));
                return;
              }
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
    };
  const servers: http.Server[] = [];
  const listen = async (via: string) => {
    const server = http.createServer(handler(via));
    servers.push(server);
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };
  return {
    endpoint: await listen('main'),
    calls: via =>
      calls
        .filter(entry => via === undefined || entry.via === via)
        .map(entry => entry.call),
    clear: () => {
      calls = [];
    },
    requests: log.requests,
    deny: operation => gaps.deny(operation),
    entrance: listen,
    hold: matches =>
      new Promise(arrived => {
        holds.push({ matches, arrived });
      }),
    stop: () =>
      Promise.all(
        servers.map(
          server =>
            new Promise<void>(resolve => {
              server.closeAllConnections();
              server.close(() => resolve());
            }),
        ),
      ).then(() => undefined),
  };
}
