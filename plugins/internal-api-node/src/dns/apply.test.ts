import { ListResourceRecordSetsCommand } from '@aws-sdk/client-route-53';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  route53In,
  type Sandbox,
  SANDBOX_ACCOUNTS,
  startSandbox,
} from '@internal/aws-sandbox';
import type { JsonValue } from '@backstage/types';
import { createInternalApiContext, InternalApiContext } from '../context';
import { applyDelegation } from './apply';
import { planDelegation } from './plan';

/** A task's checkpoint store: a fresh one is a new try whose earlier answers were lost. */
const freshCheckpoint =
  () =>
  <T extends JsonValue>(_key: string, fn: () => Promise<T>) =>
    fn();

describe('applyDelegation against the sandbox', () => {
  let sandbox: Sandbox;
  let context: InternalApiContext;
  let parentZoneId: string;
  beforeAll(async () => {
    sandbox = await startSandbox();
    context = createInternalApiContext({
      config: new ConfigReader(sandbox.landscape.config),
      logger: mockServices.logger.mock(),
    });
    parentZoneId =
      sandbox.landscape.config.internalApi.parentZones[0].hostedZoneId;
  }, 60_000);
  afterAll(() => sandbox?.stop());

  const delegate = (domainName: string) =>
    context.aws.withClients(undefined, async clients => {
      const plan = await planDelegation(context.internalApi, clients, {
        domainName,
        accountId: SANDBOX_ACCOUNTS.orders,
      });
      return applyDelegation(plan, clients, {
        checkpoint: freshCheckpoint(),
        callerReference: `internal-api/task-1/${domainName}`,
        nsTtlSeconds: 3600,
        wait: { timeoutMs: 1_000, intervalMs: 10 },
      });
    });

  const parentRecords = async (name: string) => {
    const dns = await route53In(sandbox.moto, SANDBOX_ACCOUNTS.dns);
    try {
      const { ResourceRecordSets = [] } = await dns.send(
        new ListResourceRecordSetsCommand({
          HostedZoneId: parentZoneId,
          StartRecordName: name,
        }),
      );
      return ResourceRecordSets.filter(r => r.Name === `${name}.`).map(r => ({
        type: r.Type,
        values: r.ResourceRecords?.map(v => v.Value),
      }));
    } finally {
      dns.destroy();
    }
  };

  it('a retry whose earlier answers were lost converges: same zone, NS written once', async () => {
    const first = await delegate('lost.acme.com');
    // The same task again with nothing remembered: the plan adopts the zone
    // (its caller reference marks it as ours) and the delegation is present.
    const retry = await context.aws.withClients(undefined, async clients => {
      const plan = await planDelegation(context.internalApi, clients, {
        domainName: 'lost.acme.com',
        accountId: SANDBOX_ACCOUNTS.orders,
      });
      expect(plan.writes).toEqual([]);
      return plan.childZone;
    });
    expect(retry).toEqual(first.zone);
    expect(await parentRecords('lost.acme.com')).toEqual([
      { type: 'NS', values: first.zone.nameServers },
    ]);
  });
});
