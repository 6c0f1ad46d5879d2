import {
  ChangeResourceRecordSetsCommand,
  CreateHostedZoneCommand,
  ListResourceRecordSetsCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import {
  DNS_ACCOUNT,
  route53In,
  startDnsLandscape,
} from '../__testUtils__/dnsLandscape';
import {
  countingAwsClients,
  FailCall,
  ORDERS_ACCOUNT,
  PAYMENTS_ACCOUNT,
  writesIn,
} from '../__testUtils__/landscape';
import { runAction, RunOptions } from '../__testUtils__/runAction';
import { findPublicZoneIds, getNameServers } from '../aws/dns';
import {
  createDelegateSubdomainAction,
  DRY_RUN_ZONE_ID,
} from './delegateSubdomain';

describe('internal-api:dns:delegate against the emulator', () => {
  let landscape: Awaited<ReturnType<typeof startDnsLandscape>>;
  let dnsAccount: Route53Client;
  let orders: Route53Client;
  let payments: Route53Client;

  beforeAll(async () => {
    landscape = await startDnsLandscape();
    dnsAccount = await route53In(landscape.moto, DNS_ACCOUNT);
    orders = await route53In(landscape.moto, ORDERS_ACCOUNT);
    payments = await route53In(landscape.moto, PAYMENTS_ACCOUNT);
  }, 60_000);
  afterAll(() => landscape?.moto.stop());

  function delegate(
    input: { domainName: string; accountId?: string; planOnly?: boolean },
    options: RunOptions & { failCall?: FailCall } = {},
  ) {
    const { aws, calls } = countingAwsClients(
      landscape.config,
      options.failCall,
    );
    const action = createDelegateSubdomainAction({
      internalApi: landscape.internalApi,
      aws,
      changeWait: { timeoutMs: 5_000, intervalMs: 10 },
    });
    const result = runAction(
      action,
      { accountId: ORDERS_ACCOUNT, ...input },
      options,
    );
    return { result, calls };
  }

  /** Every record set of one name in a parent zone, as the DNS account sees it. */
  async function parentRecords(
    parent: 'acme.com' | 'internal.acme.com',
    name: string,
  ) {
    const { ResourceRecordSets = [] } = await dnsAccount.send(
      new ListResourceRecordSetsCommand({
        HostedZoneId: landscape.parentZoneIds[parent],
        StartRecordName: name,
      }),
    );
    return ResourceRecordSets.filter(record => record.Name === `${name}.`).map(
      record => ({
        type: record.Type,
        values: record.ResourceRecords?.map(r => r.Value).sort(),
      }),
    );
  }

  async function addParentRecord(
    parent: 'acme.com' | 'internal.acme.com',
    name: string,
    type: 'NS' | 'A',
    values: string[],
  ) {
    await dnsAccount.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: landscape.parentZoneIds[parent],
        ChangeBatch: {
          Changes: [
            {
              Action: 'UPSERT',
              ResourceRecordSet: {
                Name: name,
                Type: type,
                TTL: 300,
                ResourceRecords: values.map(Value => ({ Value })),
              },
            },
          ],
        },
      }),
    );
  }

  it('creates the zone in the workload account and delegates it from the parent', async () => {
    const { result, calls } = delegate({ domainName: 'Orders.acme.com.' });
    const outputs = await result;

    const [zoneId] = await findPublicZoneIds(orders, 'orders.acme.com');
    const nameServers = await getNameServers(orders, zoneId);
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
          target: `NS orders.acme.com in acme.com (zone ${landscape.parentZoneIds['acme.com']})`,
          status: 'created',
        },
      ],
    });
    expect(await parentRecords('acme.com', 'orders.acme.com')).toEqual([
      { type: 'NS', values: [...nameServers].sort() },
    ]);
    expect(
      await findPublicZoneIds(
        await route53In(landscape.moto, DNS_ACCOUNT),
        'orders.acme.com',
      ),
    ).toEqual([]);
    expect(writesIn(calls)).toEqual([
      'CreateHostedZoneCommand',
      'ChangeResourceRecordSetsCommand',
    ]);
  });

  it('writes nothing on a second run and reports the same zone', async () => {
    const first = await delegate({ domainName: 'orders.acme.com' }).result;
    const { result, calls } = delegate({ domainName: 'orders.acme.com' });
    const second = await result;

    expect(writesIn(calls)).toEqual([]);
    expect(second.hostedZoneId).toBe(first.hostedZoneId);
    expect(second.changes.map((c: { status: string }) => c.status)).toEqual([
      'unchanged',
      'unchanged',
    ]);
    expect(await findPublicZoneIds(orders, 'orders.acme.com')).toHaveLength(1);
  });

  it('in dry-run, reads, lists the writes it would make, and writes nothing', async () => {
    const { result, calls } = delegate(
      { domainName: 'billing.acme.com' },
      { isDryRun: true },
    );
    const outputs = await result;

    expect(writesIn(calls)).toEqual([]);
    expect(calls.length).toBeGreaterThan(0);
    expect(outputs.hostedZoneId).toBe(DRY_RUN_ZONE_ID);
    expect(
      outputs.changes.map(
        (c: { change: string; status: string }) => `${c.change}:${c.status}`,
      ),
    ).toEqual(['create-zone:planned', 'delegate:planned']);
    expect(await findPublicZoneIds(orders, 'billing.acme.com')).toEqual([]);
    expect(await parentRecords('acme.com', 'billing.acme.com')).toEqual([]);
  });

  it('with planOnly, checks and plans like a dry-run and writes nothing', async () => {
    const { result, calls } = delegate({
      domainName: 'precheck.acme.com',
      planOnly: true,
    } as any);
    const outputs = await result;
    expect(writesIn(calls)).toEqual([]);
    expect(outputs.changes.map((c: { status: string }) => c.status)).toEqual([
      'planned',
      'planned',
    ]);
    expect(await findPublicZoneIds(orders, 'precheck.acme.com')).toEqual([]);
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

  it('adopts a zone made earlier and only adds the delegation', async () => {
    await orders.send(
      new CreateHostedZoneCommand({
        Name: 'ledger.acme.com',
        CallerReference: 'earlier-task',
      }),
    );
    const { result, calls } = delegate({ domainName: 'ledger.acme.com' });
    const outputs = await result;

    expect(writesIn(calls)).toEqual(['ChangeResourceRecordSetsCommand']);
    expect(outputs.changes[0].status).toBe('unchanged');
  });

  it('completes on a re-run after the delegation write failed', async () => {
    const throttled = Object.assign(new Error('Rate exceeded'), {
      name: 'Throttling',
    });
    const failing = delegate(
      { domainName: 'retry.acme.com' },
      {
        failCall: name =>
          name === 'ChangeResourceRecordSetsCommand' ? throttled : undefined,
      },
    );
    await expect(failing.result).rejects.toThrow('Rate exceeded');
    expect(await parentRecords('acme.com', 'retry.acme.com')).toEqual([]);

    const { result, calls } = delegate({ domainName: 'retry.acme.com' });
    await expect(result).resolves.toMatchObject({
      changes: [{ status: 'unchanged' }, { status: 'created' }],
    });
    expect(writesIn(calls)).toEqual(['ChangeResourceRecordSetsCommand']);
    expect(await findPublicZoneIds(orders, 'retry.acme.com')).toHaveLength(1);
  });

  describe('refuses with zero writes', () => {
    it.each([
      [
        'a name outside every parent',
        'orders.example.org',
        /'orders\.example\.org' is not under an allowed parent domain: acme\.com, internal\.acme\.com/,
      ],
      ['a wildcard', '*.acme.com', /'\*\.acme\.com' is a wildcard/],
      [
        'an invalid label',
        'orders_api.acme.com',
        /not a valid domain name \(label 'orders_api'\)/,
      ],
      [
        'the apex of a parent',
        'internal.acme.com',
        /'internal\.acme\.com' is the apex of the parent zone itself/,
      ],
    ])('%s, before any AWS call', async (_case, domainName, message) => {
      const { result, calls } = delegate({ domainName });
      await expect(result).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringMatching(message),
      });
      expect(calls).toEqual([]);
    });

    it('an account that is not a workload account, before any AWS call', async () => {
      const { result, calls } = delegate({
        domainName: 'x.acme.com',
        accountId: '999999999999',
      });
      await expect(result).rejects.toThrow(
        /accountId '999999999999' is not a configured workload account/,
      );
      expect(calls).toEqual([]);
    });

    it('a name the parent already delegates to other name servers', async () => {
      await addParentRecord('acme.com', 'taken.acme.com', 'NS', [
        'ns1.elsewhere.net',
        'ns2.elsewhere.net',
      ]);
      const { result, calls } = delegate({ domainName: 'taken.acme.com' });
      await expect(result).rejects.toThrow(
        `domainName 'taken.acme.com' is already delegated by acme.com to ns1.elsewhere.net, ns2.elsewhere.net. ` +
          `Choose another name, or ask the owner of acme.com (zone ${landscape.parentZoneIds['acme.com']}, account ${DNS_ACCOUNT}) to remove that delegation.`,
      );
      expect(writesIn(calls)).toEqual([]);
      expect(await findPublicZoneIds(orders, 'taken.acme.com')).toEqual([]);
    });

    it("a name already delegated to another account's zone", async () => {
      await delegate({
        domainName: 'shared.acme.com',
        accountId: PAYMENTS_ACCOUNT,
      }).result;
      const { result, calls } = delegate({ domainName: 'shared.acme.com' });
      await expect(result).rejects.toThrow(
        /'shared\.acme\.com' is already delegated by acme\.com to ns-/,
      );
      expect(writesIn(calls)).toEqual([]);
      expect(await findPublicZoneIds(orders, 'shared.acme.com')).toEqual([]);
      expect(await findPublicZoneIds(payments, 'shared.acme.com')).toHaveLength(
        1,
      );
    });

    it('a delegation to other name servers even when our zone exists, naming our zone', async () => {
      const { HostedZone } = await orders.send(
        new CreateHostedZoneCommand({
          Name: 'stale.acme.com',
          CallerReference: 'stale',
        }),
      );
      await addParentRecord('acme.com', 'stale.acme.com', 'NS', [
        'ns1.elsewhere.net',
      ]);
      const { result, calls } = delegate({ domainName: 'stale.acme.com' });
      await expect(result).rejects.toThrow(
        `is already delegated by acme.com to ns1.elsewhere.net, not to zone ${HostedZone!.Id!.replace(
          '/hostedzone/',
          '',
        )} in account ${ORDERS_ACCOUNT}.`,
      );
      expect(writesIn(calls)).toEqual([]);
      expect(await parentRecords('acme.com', 'stale.acme.com')).toEqual([
        { type: 'NS', values: ['ns1.elsewhere.net'] },
      ]);
    });

    it('a name under a delegation held by someone else', async () => {
      await addParentRecord('acme.com', 'team.acme.com', 'NS', [
        'ns1.team-dns.net',
      ]);
      const { result, calls } = delegate({ domainName: 'api.team.acme.com' });
      await expect(result).rejects.toThrow(
        /lies under team\.acme\.com, which acme\.com already delegates to ns1\.team-dns\.net.*ask the owner of team\.acme\.com/,
      );
      expect(writesIn(calls)).toEqual([]);
    });

    it('a name that already has another record in the parent', async () => {
      await addParentRecord('acme.com', 'www.acme.com', 'A', ['192.0.2.10']);
      const { result, calls } = delegate({ domainName: 'www.acme.com' });
      await expect(result).rejects.toThrow(
        /'www\.acme\.com' already has a A record in acme\.com; delegating it would hide that record/,
      );
      expect(writesIn(calls)).toEqual([]);
      expect(await parentRecords('acme.com', 'www.acme.com')).toEqual([
        { type: 'A', values: ['192.0.2.10'] },
      ]);
    });

    it('two zones of that name in the workload account', async () => {
      for (const ref of ['one', 'two']) {
        await orders.send(
          new CreateHostedZoneCommand({
            Name: 'twice.acme.com',
            CallerReference: ref,
          }),
        );
      }
      const { result, calls } = delegate({ domainName: 'twice.acme.com' });
      await expect(result).rejects.toThrow(
        /account 444455556666 already has 2 public zones of that name \(.+, .+\)\. Delete the extra ones/,
      );
      expect(writesIn(calls)).toEqual([]);
    });
  });
});
