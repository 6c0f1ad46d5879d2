import type { Route53Client } from '@aws-sdk/client-route-53';
import type { Entity } from '@backstage/catalog-model';
import {
  addParentZone,
  FailAwsCall,
  Landscape,
  route53In,
  SANDBOX_ACCOUNTS,
  startSandbox,
} from '@internal/aws-sandbox';
import { createDelegateSubdomainAction } from '../actions/delegateSubdomain';
import { createUndelegateSubdomainAction } from '../actions/undelegateSubdomain';
import { countedContext } from './countedContext';
import { runAction, RunOptions } from './runAction';

/** The API the suites delegate for unless a test names another. */
export const ORDERS_API_NAME = 'orders-api';

/**
 * The sandbox for the delegate action's suites: the seeded parent zone
 * acme.com and a second one below it, internal.acme.com; a Route 53 client
 * in the DNS, Orders and Payments accounts to read what the action left; and
 * the action itself, run for the API orders-api in Orders with its AWS calls
 * counted and a catalog holding `catalogEntities` (empty by default); and
 * the undelegate action, run the same way. Each run has its own mock auditor.
 * `sandboxOptions` go to startSandbox, e.g. `awsLatency` to keep changes PENDING.
 */
export async function startDnsSandbox(
  sandboxOptions: Parameters<typeof startSandbox>[0] = {},
) {
  const sandbox = await startSandbox(sandboxOptions);
  const landscape: Landscape = await addParentZone(
    sandbox.moto,
    sandbox.landscape,
    'internal.acme.com',
  );
  const route53 = {
    dns: await route53In(sandbox.moto, SANDBOX_ACCOUNTS.dns),
    orders: await route53In(sandbox.moto, SANDBOX_ACCOUNTS.orders),
    payments: await route53In(sandbox.moto, SANDBOX_ACCOUNTS.payments),
  } satisfies Record<string, Route53Client>;

  function delegate(
    input: {
      domainName: string;
      accountId?: string;
      apiName?: string;
      planOnly?: boolean;
    },
    options: RunOptions & {
      failCall?: FailAwsCall;
      catalogEntities?: Entity[];
    } = {},
  ) {
    const { counter, ...context } = countedContext(landscape, {
      failCall: options.failCall,
      catalogEntities: options.catalogEntities,
    });
    const action = createDelegateSubdomainAction(context);
    const result = runAction(
      action,
      {
        accountId: SANDBOX_ACCOUNTS.orders,
        apiName: ORDERS_API_NAME,
        ...input,
      },
      options,
    );
    return { result, counter, auditor: context.auditor };
  }

  /** internal-api:dns:undelegate, as `delegate` runs the delegate action. */
  function undelegate(
    input: {
      domainName: string;
      accountId?: string;
      apiName?: string;
      planOnly?: boolean;
    },
    options: RunOptions & { failCall?: FailAwsCall } = {},
  ) {
    const { counter, ...context } = countedContext(landscape, {
      failCall: options.failCall,
    });
    const action = createUndelegateSubdomainAction({
      ...context,
      changeWait: { timeoutMs: 5_000, intervalMs: 10 },
    });
    const result = runAction(
      action,
      {
        accountId: SANDBOX_ACCOUNTS.orders,
        apiName: ORDERS_API_NAME,
        ...input,
      },
      options,
    );
    return { result, counter, auditor: context.auditor };
  }

  return {
    landscape,
    route53,
    /** The recording proxy every action's AWS call goes through: it sees what reached "AWS". */
    proxy: sandbox.proxy,
    delegate,
    undelegate,
    parentZoneId: (domain: string) =>
      landscape.config.internalApi.parentZones.find(
        zone => zone.domain === domain,
      )!.hostedZoneId,
    async stop() {
      Object.values(route53).forEach(client => client.destroy());
      await sandbox.stop();
    },
  };
}

export type DnsSandbox = Awaited<ReturnType<typeof startDnsSandbox>>;
