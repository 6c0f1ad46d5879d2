import {
  CreateHostedZoneCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { SANDBOX_ACCOUNTS } from '@internal/aws-sandbox';
import { operations } from '../__testUtils__/countedContext';
import { DnsSandbox, startDnsSandbox } from '../__testUtils__/dnsSandbox';
import {
  callerReferenceOf,
  publicZoneIds,
  recordSets,
  zoneNameServers,
} from '../__testUtils__/route53Records';
import { linesTooLong } from '../__testUtils__/taskLog';
import { DRY_RUN_ZONE_ID } from './delegateSubdomain';

const { orders: ORDERS_ACCOUNT } = SANDBOX_ACCOUNTS;

describe('internal-api:dns:delegate against the emulator', () => {
  let dnsSandbox: DnsSandbox;
  let dnsAccount: Route53Client;
  let orders: Route53Client;

  beforeAll(async () => {
    dnsSandbox = await startDnsSandbox();
    ({ dns: dnsAccount, orders } = dnsSandbox.route53);
  }, 60_000);
  afterAll(() => dnsSandbox?.stop());

  const delegate: DnsSandbox['delegate'] = (...args) =>
    dnsSandbox.delegate(...args);
  const parentZoneId = (domain: string) => dnsSandbox.parentZoneId(domain);

  /** Every record set of one name in a parent zone, as the DNS account sees it. */
  const parentRecords = (
    parent: 'acme.com' | 'internal.acme.com',
    name: string,
  ) => recordSets(dnsAccount, parentZoneId(parent), name);

  it('creates the zone in the workload account and delegates it from the parent', async () => {
    const log: string[] = [];
    const { result, counter } = delegate(
      { domainName: 'Orders.acme.com.' },
      { log },
    );
    const outputs = await result;

    const [zoneId] = await publicZoneIds(orders, 'orders.acme.com');
    const nameServers = await zoneNameServers(orders, zoneId);
    // Marked with the API's name, and the same on every retry of the task.
    expect(await callerReferenceOf(orders, zoneId)).toMatch(
      /^internal-api\/orders-api\/[0-9a-f-]{36}$/,
    );
    expect(outputs).toEqual({
      hostedZoneId: zoneId,
      nameServers,
      parentDomain: 'acme.com',
      changes: [
        {
          change: 'create-zone',
          target: `zone orders.acme.com in account ${ORDERS_ACCOUNT}`,
          status: 'created',
        },
        {
          change: 'delegate',
          target: `NS orders.acme.com in acme.com (zone ${parentZoneId(
            'acme.com',
          )})`,
          status: 'created',
        },
      ],
      // moto accepts every change INSYNC (the PENDING case: delegateSubdomain.pending.test.ts).
      delegationChange: {
        id: expect.stringMatching(/^C[A-Z0-9]+$/),
        status: 'INSYNC',
        submittedAt: expect.any(String),
      },
    });
    expect(await parentRecords('acme.com', 'orders.acme.com')).toEqual([
      { type: 'NS', values: [...nameServers].sort() },
    ]);
    expect(await publicZoneIds(dnsAccount, 'orders.acme.com')).toEqual([]);
    expect(operations(counter.writes())).toEqual([
      'CreateHostedZone',
      'ChangeResourceRecordSets',
    ]);
    // A change a line, then what "done" means for DNS; short enough for the task page.
    expect(log).toEqual([
      'Wrote:',
      ...outputs.changes.map(
        (change: { target: string }) => `- ${change.target}`,
      ),
      `Route 53 accepted the delegation (change ${outputs.delegationChange.id}): in sync.`,
    ]);
    expect(linesTooLong(log)).toEqual([]);
  });

  it('writes nothing on a second run and reports the same zone', async () => {
    const first = await delegate({ domainName: 'orders.acme.com' }).result;
    const { result, counter } = delegate({ domainName: 'orders.acme.com' });
    const second = await result;

    expect(counter.writes()).toEqual([]);
    // Nothing written, so no change to report: the first run's is on the entity.
    expect(second.delegationChange).toBeUndefined();
    expect(second.hostedZoneId).toBe(first.hostedZoneId);
    expect(second.changes.map((c: { status: string }) => c.status)).toEqual([
      'unchanged',
      'unchanged',
    ]);
    expect(await publicZoneIds(orders, 'orders.acme.com')).toHaveLength(1);
  });

  it('in dry-run, reads, lists the writes it would make, and writes nothing', async () => {
    const { result, counter } = delegate(
      { domainName: 'billing.acme.com' },
      { isDryRun: true },
    );
    const outputs = await result;

    expect(counter.writes()).toEqual([]);
    expect(counter.calls.length).toBeGreaterThan(0);
    expect(outputs.hostedZoneId).toBe(DRY_RUN_ZONE_ID);
    expect(outputs.delegationChange).toBeUndefined();
    expect(
      outputs.changes.map(
        (c: { change: string; status: string }) => `${c.change}:${c.status}`,
      ),
    ).toEqual(['create-zone:planned', 'delegate:planned']);
    expect(await publicZoneIds(orders, 'billing.acme.com')).toEqual([]);
    expect(await parentRecords('acme.com', 'billing.acme.com')).toEqual([]);
  });

  it('with planOnly, checks and plans like a dry-run and writes nothing', async () => {
    const { result, counter } = delegate({
      domainName: 'precheck.acme.com',
      planOnly: true,
    });
    const outputs = await result;
    expect(counter.writes()).toEqual([]);
    expect(outputs.changes.map((c: { status: string }) => c.status)).toEqual([
      'planned',
      'planned',
    ]);
    expect(await publicZoneIds(orders, 'precheck.acme.com')).toEqual([]);
  });

  it('delegates from the closest parent zone', async () => {
    const outputs = await delegate({ domainName: 'search.internal.acme.com' })
      .result;
    expect(outputs.parentDomain).toBe('internal.acme.com');
    expect(
      await parentRecords('internal.acme.com', 'search.internal.acme.com'),
    ).toHaveLength(1);
    expect(await parentRecords('acme.com', 'search.internal.acme.com')).toEqual(
      [],
    );
  });

  it('adopts a zone an earlier task of the same API made and only adds the delegation', async () => {
    await orders.send(
      new CreateHostedZoneCommand({
        Name: 'ledger.acme.com',
        CallerReference: 'internal-api/orders-api/earlier-task',
      }),
    );
    const { result, counter } = delegate({ domainName: 'ledger.acme.com' });
    const outputs = await result;

    expect(operations(counter.writes())).toEqual(['ChangeResourceRecordSets']);
    expect(outputs.changes[0].status).toBe('unchanged');
  });

  it('completes on a re-run after the delegation write failed', async () => {
    const throttled = Object.assign(new Error('Rate exceeded'), {
      name: 'Throttling',
    });
    const failing = delegate(
      { domainName: 'retry.acme.com' },
      {
        failCall: call =>
          call.operation === 'ChangeResourceRecordSets' ? throttled : undefined,
      },
    );
    await expect(failing.result).rejects.toThrow('Rate exceeded');
    expect(await parentRecords('acme.com', 'retry.acme.com')).toEqual([]);

    const { result, counter } = delegate({ domainName: 'retry.acme.com' });
    await expect(result).resolves.toMatchObject({
      changes: [{ status: 'unchanged' }, { status: 'created' }],
    });
    expect(operations(counter.writes())).toEqual(['ChangeResourceRecordSets']);
    expect(await publicZoneIds(orders, 'retry.acme.com')).toHaveLength(1);
  });
});
