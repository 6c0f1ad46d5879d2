import { ListResourceRecordSetsCommand } from '@aws-sdk/client-route-53';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  countAwsCalls,
  route53In,
  type Sandbox,
  SANDBOX_ACCOUNTS,
  startSandbox,
} from '@internal/aws-sandbox';
import type { JsonValue } from '@backstage/types';
import type { Checkpoint } from '../checkpoint';
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

  const delegate = (
    domainName: string,
    apiName: string,
    via: InternalApiContext = context,
    checkpoint: Checkpoint = freshCheckpoint(),
  ) =>
    via.aws.withClients(undefined, async clients => {
      const plan = await planDelegation(via.internalApi, clients, {
        domainName,
        accountId: SANDBOX_ACCOUNTS.orders,
        apiName,
      });
      return applyDelegation(plan, clients, {
        checkpoint,
        taskId: 'task-1',
        nsTtlSeconds: 3600,
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
    const first = await delegate('lost.acme.com', 'lost-api');
    // The same task again with nothing remembered: the plan adopts the zone
    // (its caller reference names this API) and the delegation is present.
    const retry = await context.aws.withClients(undefined, async clients => {
      const plan = await planDelegation(context.internalApi, clients, {
        domainName: 'lost.acme.com',
        accountId: SANDBOX_ACCOUNTS.orders,
        apiName: 'lost-api',
      });
      expect(plan.writes).toEqual([]);
      return plan.childZone;
    });
    expect(retry).toEqual(first.zone);
    expect(await parentRecords('lost.acme.com')).toEqual([
      { type: 'NS', values: first.zone.nameServers },
    ]);
  });

  it('a failed NS write says which zone the task had made, so nothing it left goes unmentioned', async () => {
    const throttled = Object.assign(new Error('Rate exceeded'), {
      name: 'Throttling',
    });
    const counter = countAwsCalls({
      failCall: call =>
        call.operation === 'ChangeResourceRecordSets' ? throttled : undefined,
    });
    const failing = createInternalApiContext({
      config: new ConfigReader(sandbox.landscape.config),
      logger: mockServices.logger.mock(),
      aws: { clientConfig: { maxAttempts: 1 }, onClient: counter.onClient },
    });
    await expect(
      delegate('halfway.acme.com', 'halfway-api', failing),
    ).rejects.toThrow(
      'Rate exceeded.\nMade before this failure (a run of the same API adopts it):\n' +
        `- zone halfway.acme.com in account ${SANDBOX_ACCOUNTS.orders}`,
    );
    expect(counter.writes().map(call => call.operation)).toEqual([
      'CreateHostedZone',
      'ChangeResourceRecordSets',
    ]);
  });

  it('returns the NS change as Route 53 accepted it, without waiting on it; a retry of the write reads it back', async () => {
    const counter = countAwsCalls();
    const counted = createInternalApiContext({
      config: new ConfigReader(sandbox.landscape.config),
      logger: mockServices.logger.mock(),
      aws: { onClient: counter.onClient },
    });
    // One task's store, as the scaffolder keeps it across a resumed task's tries.
    const stored = new Map<string, JsonValue>();
    const checkpoint: Checkpoint = async (key, fn) => {
      if (!stored.has(key)) {
        stored.set(key, JSON.parse(JSON.stringify(await fn())));
      }
      return stored.get(key) as any;
    };
    const [first, resumed] = await counted.aws.withClients(
      undefined,
      async clients => {
        const plan = await planDelegation(counted.internalApi, clients, {
          domainName: 'accepted.acme.com',
          accountId: SANDBOX_ACCOUNTS.orders,
          apiName: 'accepted-api',
        });
        const options = { checkpoint, taskId: 'task-1', nsTtlSeconds: 3600 };
        const applied = await applyDelegation(plan, clients, options);
        const writes = counter.writes().length;
        // The same plan again, as a try that stopped after its writes: every write is checkpointed.
        const again = await applyDelegation(plan, clients, options);
        expect(counter.writes()).toHaveLength(writes);
        return [applied, again];
      },
    );

    // moto accepts every change INSYNC; the PENDING case is the delegate action's pending test.
    expect(first.nsChange).toEqual({
      id: expect.stringMatching(/^C[A-Z0-9]+$/),
      status: 'INSYNC',
      submittedAt: expect.any(String),
    });
    expect(resumed).toEqual(first);
    expect(counter.calls.map(call => call.operation)).not.toContain(
      'GetChange',
    );
  });
});
