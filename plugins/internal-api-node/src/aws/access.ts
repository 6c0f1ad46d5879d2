import { EC2Client } from '@aws-sdk/client-ec2';
import { Route53Client } from '@aws-sdk/client-route-53';
import type { AwsLocation } from '@internal/plugin-internal-api-common';
import type { AccountCredentials } from './credentials';

/** The SDK clients of one piece of work, opened on first use and shared within it. */
export interface AwsClients {
  ec2(location: AwsLocation): Promise<EC2Client>;
  /**
   * Route 53 is global per partition; its API lives in one region of it
   * (us-east-1 for aws). `region` is any region of the account's partition.
   */
  route53(accountId: string, region: string): Promise<Route53Client>;
}

/** An SDK client as it is opened, for tests and benchmarks to watch (`onClient`). */
export type AwsClient = EC2Client | Route53Client;

/**
 * The one place AWS clients are opened and closed. Every plan and apply runs
 * inside `withClients`: clients are opened on first use, one per service,
 * account and region, carry the initiator's session name, and are destroyed
 * when `use` settles, however it settles. The endpoint comes from
 * AWS_ENDPOINT_URL when set.
 */
export interface AwsAccess {
  withClients<T>(
    /** Who asked (a user entity ref), for the assumed role's session name. */
    initiator: string | undefined,
    use: (clients: AwsClients) => Promise<T>,
  ): Promise<T>;
}

/**
 * How many times a Route 53 call is tried before its error is thrown. Route
 * 53 refuses a change to a hosted zone while it still processes an earlier
 * one (`PriorRequestNotComplete`: "wait, in intervals of increasing
 * duration, before you try the request again") and throttles each account
 * (`Throttling`, "Rate exceeded": a token bucket of 50 requests refilled at
 * 10 a second, CreateHostedZone 40 at 2 a second). Concurrent tasks on one
 * parent zone meet both. The SDK's standard retry counts both as throttling
 * (backoff from 1 s, doubling, full jitter, at most 20 s a wait) but stops
 * after 3 attempts; 8 wait up to about 70 s in all, well inside a task.
 */
export const ROUTE53_MAX_ATTEMPTS = 8;

export interface AwsAccessOptions {
  /** Extra SDK settings, e.g. `{ maxAttempts: 1 }` against an emulator; its `maxAttempts` wins over ROUTE53_MAX_ATTEMPTS. */
  clientConfig?: { maxAttempts?: number };
  /** Called with every client opened, e.g. to count its calls. */
  onClient?: (client: AwsClient) => void;
}

/**
 * The region whose endpoint serves Route 53 in the partition of `region`
 * (the SDK's endpoint rules sign Route 53 for that region): GovCloud
 * us-gov-west-1, China cn-northwest-1, ISO us-iso-east-1, ISO-B
 * us-isob-east-1, else (aws) us-east-1.
 */
export function route53Region(region: string): string {
  const partitions: [string, string][] = [
    ['us-gov-', 'us-gov-west-1'],
    ['cn-', 'cn-northwest-1'],
    ['us-isob-', 'us-isob-east-1'],
    ['us-iso-', 'us-iso-east-1'],
  ];
  return (
    partitions.find(([prefix]) => region.startsWith(prefix))?.[1] ?? 'us-east-1'
  );
}

const awsErrors = new WeakSet<object>();

/**
 * Whether AWS could not be asked or refused the call (a credential, network
 * or service error), as opposed to one of our own refusals. The lookups answer
 * 503 for these and only these.
 */
export const isAwsError = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && awsErrors.has(error);

/** Runs `fn`, marking what it throws as an AWS error. The same error object goes on, so callers still match its name (e.g. RouteAlreadyExists). */
async function asAwsCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (typeof error === 'object' && error !== null) {
      awsErrors.add(error);
    }
    throw error;
  }
}

function tagAwsErrors(client: AwsClient) {
  (client.middlewareStack as EC2Client['middlewareStack']).add(
    next => args => asAwsCall(() => next(args)),
    { step: 'initialize', name: 'internalApiTagAwsErrors', priority: 'high' },
  );
  return client;
}

export function createAwsAccess(
  options: AwsAccessOptions & { credentials: AccountCredentials },
): AwsAccess {
  const { credentials, clientConfig, onClient } = options;
  const credentialsFor = (accountId: string, initiator?: string) =>
    asAwsCall(() => credentials.forAccount(accountId, initiator));
  return {
    async withClients(initiator, use) {
      const open = new Map<string, Promise<AwsClient>>();
      const client = <C extends AwsClient>(
        key: string,
        create: () => Promise<C>,
      ): Promise<C> => {
        if (!open.has(key)) {
          open.set(
            key,
            create().then(created => {
              onClient?.(created);
              return tagAwsErrors(created);
            }),
          );
        }
        return open.get(key) as Promise<C>;
      };
      const clients: AwsClients = {
        ec2: ({ accountId, region }) =>
          client(
            `ec2/${accountId}/${region}`,
            async () =>
              new EC2Client({
                ...clientConfig,
                region,
                credentials: await credentialsFor(accountId, initiator),
              }),
          ),
        route53: (accountId, region) => {
          const endpointRegion = route53Region(region);
          return client(
            `route53/${accountId}/${endpointRegion}`,
            async () =>
              new Route53Client({
                ...clientConfig,
                maxAttempts: clientConfig?.maxAttempts ?? ROUTE53_MAX_ATTEMPTS,
                region: endpointRegion,
                credentials: await credentialsFor(accountId, initiator),
              }),
          );
        },
      };
      try {
        return await use(clients);
      } finally {
        const opened = await Promise.allSettled(open.values());
        for (const result of opened) {
          if (result.status === 'fulfilled') {
            result.value.destroy();
          }
        }
      }
    },
  };
}
