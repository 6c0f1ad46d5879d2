import {
  ChangeResourceRecordSetsCommand,
  CreateHostedZoneCommand,
  ListHostedZonesByNameCommand,
  ListResourceRecordSetsCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { JsonValue } from '@backstage/types';
import {
  route53In,
  type Sandbox,
  SANDBOX_ACCOUNTS,
  startSandbox,
} from '@internal/aws-sandbox';
import { createInternalApiContext, InternalApiContext } from '../context';
import { applyDelegation } from './apply';
import { DelegationPlan, planDelegation } from './plan';

/** A change made beside the code under test, straight to the emulator. */
const changeRecord = (
  route53: Route53Client,
  hostedZoneId: string,
  action: 'CREATE' | 'DELETE',
  name: string,
  type: 'NS' | 'A',
  values: string[],
  ttl: number,
) =>
  route53.send(
    new ChangeResourceRecordSetsCommand({
      HostedZoneId: hostedZoneId,
      ChangeBatch: {
        Changes: [
          {
            Action: action,
            ResourceRecordSet: {
              Name: name,
              Type: type,
              TTL: ttl,
              ResourceRecords: values.map(Value => ({ Value })),
            },
          },
        ],
      },
    }),
  );

// Two tasks of one API delegating one name at once, on moto behind the sandbox
// proxy. moto alone lets a CREATE of an existing record through and gives every
// zone the same name servers; the proxy answers as AWS does (aws-sandbox
// route53Gaps.ts, route53NameServers.ts), or this race could not be told apart.
describe('applyDelegation when two tasks of one API race for the name', () => {
  let sandbox: Sandbox;
  let context: InternalApiContext;
  let parentZoneId: string;
  let orders: Route53Client;
  let dns: Route53Client;
  beforeAll(async () => {
    sandbox = await startSandbox();
    context = createInternalApiContext({
      config: new ConfigReader(sandbox.landscape.config),
      logger: mockServices.logger.mock(),
    });
    parentZoneId =
      sandbox.landscape.config.internalApi.parentZones[0].hostedZoneId;
    orders = await route53In(sandbox.moto, SANDBOX_ACCOUNTS.orders);
    dns = await route53In(sandbox.moto, SANDBOX_ACCOUNTS.dns);
  }, 60_000);
  afterAll(async () => {
    orders?.destroy();
    dns?.destroy();
    await sandbox?.stop();
  });

  /** One task's checkpoint store; the same store again is a retry of that task. */
  const checkpoints = () => {
    const stored = new Map<string, JsonValue>();
    return async <T extends JsonValue>(key: string, fn: () => Promise<T>) => {
      if (!stored.has(key)) {
        stored.set(key, await fn());
      }
      return stored.get(key) as T;
    };
  };
  const plan = (domainName: string) =>
    context.aws.withClients(undefined, clients =>
      planDelegation(context.internalApi, clients, {
        domainName,
        accountId: SANDBOX_ACCOUNTS.orders,
        apiName: 'twin-api',
      }),
    );
  const apply = (
    planned: DelegationPlan,
    taskId: string,
    checkpoint = checkpoints(),
  ) =>
    context.aws.withClients(undefined, clients =>
      applyDelegation(planned, clients, {
        checkpoint,
        taskId,
        nsTtlSeconds: 3600,
      }),
    );

  const zonesNamed = async (name: string) => {
    const { HostedZones = [] } = await orders.send(
      new ListHostedZonesByNameCommand({ DNSName: name }),
    );
    return HostedZones.filter(zone => zone.Name === `${name}.`).map(zone =>
      zone.Id!.replace('/hostedzone/', ''),
    );
  };
  const parentNsRecords = async (name: string) => {
    const { ResourceRecordSets = [] } = await dns.send(
      new ListResourceRecordSetsCommand({
        HostedZoneId: parentZoneId,
        StartRecordName: name,
      }),
    );
    return ResourceRecordSets.filter(
      record => record.Name === `${name}.` && record.Type === 'NS',
    ).map(record => record.ResourceRecords!.map(r => r.Value).sort());
  };
  const lostTo = (domain: string, zoneId: string, taskId: string) =>
    new RegExp(
      `^domainName '${domain.replace(
        /\./g,
        '\\.',
      )}' was delegated to zone ${zoneId} by task ${taskId} ` +
        "of API 'twin-api' while this task ran; this task removed the zone it had created \\((\\w+)\\) and stopped\\. " +
        'Follow that task, or run this one again to adopt its zone\\.\nNothing this task wrote is left\\.$',
    );

  it('two tasks that planned at once: one delegates, the other removes its zone and says who won', async () => {
    const plans = await Promise.all([
      plan('twin.acme.com'),
      plan('twin.acme.com'),
    ]);
    expect(plans.map(p => p.writes.map(w => w.op))).toEqual([
      ['create-zone', 'create-ns'],
      ['create-zone', 'create-ns'],
    ]);
    const settled = await Promise.allSettled([
      apply(plans[0], 'task-a'),
      apply(plans[1], 'task-b'),
    ]);
    const won = settled.flatMap(s =>
      s.status === 'fulfilled' ? [s.value] : [],
    );
    const lost = settled.flatMap(s =>
      s.status === 'rejected' ? [s.reason] : [],
    );
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = won[0].zone;
    const winnerTask = settled[0].status === 'fulfilled' ? 'task-a' : 'task-b';
    expect(lost[0].name).toBe('InputError');
    const removed = lostTo(
      'twin.acme.com',
      winner.hostedZoneId,
      winnerTask,
    ).exec(lost[0].message);
    expect(removed).not.toBeNull();
    expect(removed![1]).not.toBe(winner.hostedZoneId);
    expect(await zonesNamed('twin.acme.com')).toEqual([winner.hostedZoneId]);
    expect(await parentNsRecords('twin.acme.com')).toEqual([
      [...winner.nameServers].sort(),
    ]);
  });

  it('five tasks started at once, however they interleave, leave one zone, delegated to it', async () => {
    const runs = ['t1', 't2', 't3', 't4', 't5'].map(async taskId =>
      apply(await plan('five.acme.com'), taskId),
    );
    const settled = await Promise.allSettled(runs);
    const [zoneId] = await zonesNamed('five.acme.com');
    expect(await zonesNamed('five.acme.com')).toEqual([zoneId]);
    // A task that planned after the winner's zone existed adopted it; one that planned before lost.
    const adopted = settled.flatMap(result =>
      result.status === 'fulfilled' ? [result.value.zone.hostedZoneId] : [],
    );
    const refusals = settled.flatMap(result =>
      result.status === 'rejected' ? [result.reason.message] : [],
    );
    expect(adopted.length).toBeGreaterThan(0);
    expect(new Set(adopted)).toEqual(new Set([zoneId]));
    for (const message of refusals) {
      expect(message).toMatch(lostTo('five.acme.com', zoneId, 't\\d'));
    }
    expect(await parentNsRecords('five.acme.com')).toHaveLength(1);
  });

  it("a task whose NS write finds the other task's delegation removes its zone; its retry adopts the winner's", async () => {
    const late = await plan('late.acme.com');
    const first = await apply(await plan('late.acme.com'), 'task-first');
    const lateTask = checkpoints();
    await expect(apply(late, 'task-late', lateTask)).rejects.toThrow(
      lostTo('late.acme.com', first.zone.hostedZoneId, 'task-first'),
    );
    expect(await zonesNamed('late.acme.com')).toEqual([
      first.zone.hostedZoneId,
    ]);

    // The scaffolder retries the task: a new plan adopts the winner's zone (its mark names this API).
    const retryPlan = await plan('late.acme.com');
    expect(retryPlan.writes).toEqual([]);
    expect(retryPlan.childZone).toEqual(first.zone);
    await expect(apply(retryPlan, 'task-late', lateTask)).resolves.toEqual({
      zone: first.zone,
      changes: [
        expect.objectContaining({ change: 'create-zone', status: 'unchanged' }),
        expect.objectContaining({ change: 'delegate', status: 'unchanged' }),
      ],
    });
  });

  it("a task that plans while a losing task's zone still exists adopts the delegated one", async () => {
    const first = await apply(await plan('third.acme.com'), 'task-first');
    // The loser's zone, made and not yet removed.
    await orders.send(
      new CreateHostedZoneCommand({
        Name: 'third.acme.com',
        CallerReference: 'internal-api/twin-api/task-loser',
      }),
    );
    expect(await zonesNamed('third.acme.com')).toHaveLength(2);
    const third = await plan('third.acme.com');
    expect(third.childZone).toEqual(first.zone);
    expect(third.writes).toEqual([]);
  });

  it('never deletes a zone it adopted, even when its NS write loses', async () => {
    const made = await apply(await plan('adopted.acme.com'), 'task-maker');
    // The parent's delegation removed by hand: the next plan adopts the zone and plans only the NS record.
    await changeRecord(
      dns,
      parentZoneId,
      'DELETE',
      'adopted.acme.com',
      'NS',
      made.zone.nameServers,
      3600,
    );
    const adopting = await plan('adopted.acme.com');
    expect(adopting.writes.map(write => write.op)).toEqual(['create-ns']);
    await changeRecord(
      dns,
      parentZoneId,
      'CREATE',
      'adopted.acme.com',
      'NS',
      ['ns1.elsewhere.net'],
      300,
    );
    await expect(apply(adopting, 'task-adopter')).rejects.toThrow(
      'adopted.acme.com got an NS record (ns1.elsewhere.net) in zone ' +
        `${parentZoneId} while the task ran, so it was not delegated. ` +
        'Find out who owns it; run the task again once the name is free.\nNothing was written before this failure.',
    );
    expect(await zonesNamed('adopted.acme.com')).toEqual([
      made.zone.hostedZoneId,
    ]);
  });

  it('keeps its own zone when records were added to it before it could remove it', async () => {
    const late = await plan('busy.acme.com');
    const first = await apply(await plan('busy.acme.com'), 'task-first');
    // Hold the CREATE's check of the parent (its first read), and add a record to the new zone meanwhile.
    const held = sandbox.proxy.hold(
      call => call.operation === 'ListResourceRecordSets',
    );
    const refused = apply(late, 'task-busy').catch(error => error);
    const check = await held;
    const ours = (await zonesNamed('busy.acme.com')).find(
      id => id !== first.zone.hostedZoneId,
    )!;
    await changeRecord(
      orders,
      ours,
      'CREATE',
      'www.busy.acme.com',
      'A',
      ['10.0.0.1'],
      60,
    );
    check.release();
    expect((await refused).message).toBe(
      `busy.acme.com got an NS record (${first.zone.nameServers.join(
        ', ',
      )}) in zone ${parentZoneId} while the task ran, ` +
        'so it was not delegated. Find out who owns it; run the task again once the name is free. ' +
        `Zone ${ours}, which this task created, was kept: it holds records besides its SOA and NS (A www.busy.acme.com.). ` +
        'Delete it once nobody uses it.\n' +
        'Made before this failure (a run of the same API adopts it):\n' +
        `- zone busy.acme.com in account ${SANDBOX_ACCOUNTS.orders}`,
    );
    expect((await zonesNamed('busy.acme.com')).sort()).toEqual(
      [first.zone.hostedZoneId, ours].sort(),
    );
  });
});
