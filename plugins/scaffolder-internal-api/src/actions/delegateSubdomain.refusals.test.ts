import {
  CreateHostedZoneCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { SANDBOX_ACCOUNTS } from '@internal/aws-sandbox';
import { DnsSandbox, startDnsSandbox } from '../__testUtils__/dnsSandbox';
import {
  publicZoneIds,
  recordSets,
  upsertRecord,
} from '../__testUtils__/route53Records';

const {
  dns: DNS_ACCOUNT,
  orders: ORDERS_ACCOUNT,
  payments: PAYMENTS_ACCOUNT,
} = SANDBOX_ACCOUNTS;

describe('internal-api:dns:delegate refuses with zero writes', () => {
  let dnsSandbox: DnsSandbox;
  let dnsAccount: Route53Client;
  let orders: Route53Client;
  let payments: Route53Client;

  beforeAll(async () => {
    dnsSandbox = await startDnsSandbox();
    ({ dns: dnsAccount, orders, payments } = dnsSandbox.route53);
  }, 60_000);
  afterAll(() => dnsSandbox?.stop());

  const delegate = (input: { domainName: string; accountId?: string }) =>
    dnsSandbox.delegate(input);
  const acmeZoneId = () => dnsSandbox.parentZoneId('acme.com');
  const acmeRecords = (name: string) =>
    recordSets(dnsAccount, acmeZoneId(), name);
  const addAcmeRecord = (name: string, type: 'NS' | 'A', values: string[]) =>
    upsertRecord(dnsAccount, acmeZoneId(), { name, type, values });

  it.each([
    [
      'a name outside every parent',
      'orders.example.org',
      /'orders\.example\.org' is not under an allowed parent domain: acme\.com, internal\.acme\.com/,
    ],
    ['a wildcard', '*.acme.com', /'\*\.acme\.com' is a wildcard/],
    [
      'a name longer than the TLS certificate takes',
      `${'a'.repeat(40)}.${'b'.repeat(20)}.acme.com`,
      /has 70 characters; the API's TLS certificate \(ACM\) takes a domain name of at most 64/,
    ],
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
    const { result, counter } = delegate({ domainName });
    await expect(result).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(message),
    });
    expect(counter.calls).toEqual([]);
  });

  it('an account that is not a workload account, before any AWS call', async () => {
    const { result, counter } = delegate({
      domainName: 'x.acme.com',
      accountId: '999999999999',
    });
    await expect(result).rejects.toThrow(
      /accountId '999999999999' is not a configured workload account/,
    );
    expect(counter.calls).toEqual([]);
  });

  it('a name the parent already delegates to other name servers', async () => {
    await addAcmeRecord('taken.acme.com', 'NS', [
      'ns1.elsewhere.net',
      'ns2.elsewhere.net',
    ]);
    const { result, counter } = delegate({ domainName: 'taken.acme.com' });
    await expect(result).rejects.toThrow(
      `domainName 'taken.acme.com' is already delegated by acme.com to ns1.elsewhere.net, ns2.elsewhere.net. ` +
        `Choose another name, or ask the owner of acme.com (zone ${acmeZoneId()}, account ${DNS_ACCOUNT}) to remove that delegation.`,
    );
    expect(counter.writes()).toEqual([]);
    expect(await publicZoneIds(orders, 'taken.acme.com')).toEqual([]);
  });

  it("a name already delegated to another account's zone", async () => {
    await delegate({
      domainName: 'shared.acme.com',
      accountId: PAYMENTS_ACCOUNT,
    }).result;
    const { result, counter } = delegate({ domainName: 'shared.acme.com' });
    await expect(result).rejects.toThrow(
      /'shared\.acme\.com' is already delegated by acme\.com to ns-/,
    );
    expect(counter.writes()).toEqual([]);
    expect(await publicZoneIds(orders, 'shared.acme.com')).toEqual([]);
    expect(await publicZoneIds(payments, 'shared.acme.com')).toHaveLength(1);
  });

  it('a delegation to other name servers even when our zone exists, naming our zone', async () => {
    const { HostedZone } = await orders.send(
      new CreateHostedZoneCommand({
        Name: 'stale.acme.com',
        CallerReference: 'internal-api/orders-api/stale-task',
      }),
    );
    await addAcmeRecord('stale.acme.com', 'NS', ['ns1.elsewhere.net']);
    const { result, counter } = delegate({ domainName: 'stale.acme.com' });
    await expect(result).rejects.toThrow(
      `is already delegated by acme.com to ns1.elsewhere.net, not to zone ${HostedZone!.Id!.replace(
        '/hostedzone/',
        '',
      )} in account ${ORDERS_ACCOUNT}.`,
    );
    expect(counter.writes()).toEqual([]);
    expect(await acmeRecords('stale.acme.com')).toEqual([
      { type: 'NS', values: ['ns1.elsewhere.net'] },
    ]);
  });

  it('a name under a delegation held by someone else', async () => {
    await addAcmeRecord('team.acme.com', 'NS', ['ns1.team-dns.net']);
    const { result, counter } = delegate({ domainName: 'api.team.acme.com' });
    await expect(result).rejects.toThrow(
      /lies under team\.acme\.com, which acme\.com already delegates to ns1\.team-dns\.net.*ask the owner of team\.acme\.com/,
    );
    expect(counter.writes()).toEqual([]);
  });

  it('a name that already has another record in the parent', async () => {
    await addAcmeRecord('www.acme.com', 'A', ['192.0.2.10']);
    const { result, counter } = delegate({ domainName: 'www.acme.com' });
    await expect(result).rejects.toThrow(
      /'www\.acme\.com' already has a A record in acme\.com; delegating it would hide that record/,
    );
    expect(counter.writes()).toEqual([]);
    expect(await acmeRecords('www.acme.com')).toEqual([
      { type: 'A', values: ['192.0.2.10'] },
    ]);
  });

  it('a name with records below it in the parent, naming them', async () => {
    await addAcmeRecord('db.below.acme.com', 'A', ['10.9.9.9']);
    const { result, counter } = delegate({ domainName: 'below.acme.com' });
    await expect(result).rejects.toThrow(
      "domainName 'below.acme.com': acme.com holds records below it (A db.below.acme.com); delegating the name would hide them.",
    );
    expect(counter.writes()).toEqual([]);
    expect(await publicZoneIds(orders, 'below.acme.com')).toEqual([]);
  });

  it('a zone of that name the action did not create', async () => {
    const { HostedZone } = await orders.send(
      new CreateHostedZoneCommand({
        Name: 'console.acme.com',
        CallerReference: 'made-in-the-console',
      }),
    );
    const { result, counter } = delegate({ domainName: 'console.acme.com' });
    await expect(result).rejects.toThrow(
      `account ${ORDERS_ACCOUNT} already has zone ${HostedZone!.Id!.replace(
        '/hostedzone/',
        '',
      )} of that name, created outside internal-api:dns:delegate`,
    );
    expect(counter.writes()).toEqual([]);
  });

  it('a zone an earlier version of the action made, which names no API', async () => {
    const legacyMark =
      'internal-api/3f2a9c1e-0b7d-4e58-9a61-2c4d8e7f1a90/served.acme.com';
    const { HostedZone } = await orders.send(
      new CreateHostedZoneCommand({
        Name: 'served.acme.com',
        CallerReference: legacyMark,
      }),
    );
    const zoneId = HostedZone!.Id!.replace('/hostedzone/', '');
    const { result, counter } = delegate({ domainName: 'served.acme.com' });
    await expect(result).rejects.toThrow(
      `account ${ORDERS_ACCOUNT} already has zone ${zoneId} of that name, created outside internal-api:dns:delegate ` +
        `or before it recorded the API (caller reference '${legacyMark}').`,
    );
    expect(counter.writes()).toEqual([]);
  });

  it('an apiName that is not a catalog name, before any AWS call', async () => {
    const { result, counter } = dnsSandbox.delegate({
      domainName: 'named.acme.com',
      apiName: 'orders/api',
    });
    await expect(result).rejects.toThrow(
      "apiName 'orders/api' must be the API's catalog name",
    );
    expect(counter.calls).toEqual([]);
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
    const { result, counter } = delegate({ domainName: 'twice.acme.com' });
    await expect(result).rejects.toThrow(
      /account 444455556666 already has 2 public zones of that name \(.+, .+\) and the parent delegates to none of them\. Delete the extra ones/,
    );
    expect(counter.writes()).toEqual([]);
  });
});
