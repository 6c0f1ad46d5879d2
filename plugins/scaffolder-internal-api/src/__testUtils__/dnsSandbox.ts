import type { Route53Client } from '@aws-sdk/client-route-53';
import {
  addParentZone,
  FailAwsCall,
  Landscape,
  route53In,
  SANDBOX_ACCOUNTS,
  startSandbox,
} from '@internal/aws-sandbox';
import { createDelegateSubdomainAction } from '../actions/delegateSubdomain';
import { countedContext } from './countedContext';
import { runAction, RunOptions } from './runAction';

/**
 * The sandbox for the delegate action's suites: the seeded parent zone
 * acme.com and a second one below it, internal.acme.com; a Route 53 client
 * in the DNS, Orders and Payments accounts to read what the action left; and
 * the action itself, run for Orders with its AWS calls counted.
 */
export async function startDnsSandbox() {
  const sandbox = await startSandbox();
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
    input: { domainName: string; accountId?: string; planOnly?: boolean },
    options: RunOptions & { failCall?: FailAwsCall } = {},
  ) {
    const { counter, ...context } = countedContext(landscape, {
      failCall: options.failCall,
    });
    const action = createDelegateSubdomainAction({
      ...context,
      changeWait: { timeoutMs: 5_000, intervalMs: 10 },
    });
    const result = runAction(
      action,
      { accountId: SANDBOX_ACCOUNTS.orders, ...input },
      options,
    );
    return { result, counter };
  }

  return {
    landscape,
    route53,
    delegate,
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
