import {
  ChangeResourceRecordSetsCommand,
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

const { dns: DNS_ACCOUNT, orders: ORDERS_ACCOUNT } = SANDBOX_ACCOUNTS;

describe('internal-api:dns:undelegate refuses and changes nothing', () => {
  let dnsSandbox: DnsSandbox;
  let dnsAccount: Route53Client;
  let orders: Route53Client;

  beforeAll(async () => {
    dnsSandbox = await startDnsSandbox();
    ({ dns: dnsAccount, orders } = dnsSandbox.route53);
  }, 60_000);
  afterAll(() => dnsSandbox?.stop());

  const acmeZoneId = () => dnsSandbox.parentZoneId('acme.com');
  const acmeOwner = () =>
    `the owner of acme.com (zone ${acmeZoneId()}, account ${DNS_ACCOUNT})`;
  const acmeRecords = (name: string) =>
    recordSets(dnsAccount, acmeZoneId(), name);
  const delegated = async (domainName: string, apiName?: string) => {
    const { hostedZoneId } = await dnsSandbox.delegate({
      domainName,
      ...(apiName && { apiName }),
    }).result;
    dnsSandbox.proxy.clear();
    return hostedZoneId as string;
  };
  const refusal = (domain: string, problem: string) =>
    `domainName '${domain}' was not undelegated; nothing was changed:\n- ${problem}`;
  /** Runs the action, expects an InputError, and that nothing was written. */
  const refused = async (
    input: { domainName: string; apiName?: string; accountId?: string },
    options: { isDryRun?: boolean } = {},
  ) => {
    const { result } = dnsSandbox.undelegate(input, options);
    const error = await result.then(
      () => undefined,
      thrown => thrown,
    );
    expect(error?.name).toBe('InputError');
    expect(dnsSandbox.proxy.calls().filter(call => call.write)).toEqual([]);
    return error.message as string;
  };

  it.each([
    [
      'a name outside every parent',
      { domainName: 'orders.example.org' },
      /'orders\.example\.org' is not under an allowed parent domain/,
    ],
    [
      'the apex of a parent',
      { domainName: 'internal.acme.com' },
      /is the apex of the parent zone itself/,
    ],
    [
      'an account that is not a workload account',
      { domainName: 'x.acme.com', accountId: '999999999999' },
      /accountId '999999999999' is not a configured workload account/,
    ],
    [
      'an apiName that is not a catalog name',
      { domainName: 'x.acme.com', apiName: 'orders/api' },
      /apiName 'orders\/api' must be the API's catalog name/,
    ],
  ])('%s, before any AWS call', async (_, input, message) => {
    dnsSandbox.proxy.clear();
    expect(await refused(input)).toMatch(message);
    expect(dnsSandbox.proxy.calls()).toEqual([]);
  });

  it("a zone that still holds the stack's records, naming them and the runbook (dry-run too)", async () => {
    const zoneId = await delegated('deployed.acme.com');
    await upsertRecord(orders, zoneId, {
      name: 'deployed.acme.com',
      type: 'A',
      values: ['10.10.1.20'],
    });
    await orders.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        ChangeBatch: {
          Changes: [
            {
              Action: 'UPSERT',
              ResourceRecordSet: {
                Name: 'www.deployed.acme.com',
                Type: 'A',
                AliasTarget: {
                  DNSName:
                    'internal-orders-nlb-1234.elb.eu-west-1.amazonaws.com',
                  HostedZoneId: 'Z2IFOLAFXWLO4F',
                  EvaluateTargetHealth: false,
                },
              },
            },
          ],
        },
      }),
    );
    const message = refusal(
      'deployed.acme.com',
      `zone ${zoneId} in account ${ORDERS_ACCOUNT} still holds 2 records besides its SOA and NS ` +
        "(A deployed.acme.com, A www.deployed.acme.com): the API's stack is still deployed, or left them " +
        'behind. Remove the stack first, as "Removing the stack" in the README of the API\'s generated ' +
        'repository says, then re-run.',
    );

    expect(await refused({ domainName: 'deployed.acme.com' })).toBe(message);
    expect(
      await refused({ domainName: 'deployed.acme.com' }, { isDryRun: true }),
    ).toBe(message);
    expect(await acmeRecords('deployed.acme.com')).toHaveLength(1);
    expect(await publicZoneIds(orders, 'deployed.acme.com')).toEqual([zoneId]);
  });

  it('a parent NS record that delegates to other name servers, naming both sets', async () => {
    const zoneId = await delegated('moved.acme.com');
    await upsertRecord(dnsAccount, acmeZoneId(), {
      name: 'moved.acme.com',
      type: 'NS',
      values: ['ns1.elsewhere.net', 'ns2.elsewhere.net'],
    });

    expect(await refused({ domainName: 'moved.acme.com' })).toMatch(
      new RegExp(
        `^${refusal(
          'moved.acme.com',
          '',
        )}acme\\.com delegates it to ns1\\.elsewhere\\.net, ns2\\.elsewhere\\.net, ` +
          `not to the name servers of zone ${zoneId} \\(ns-[^)]+\\): it was delegated again elsewhere`,
      ),
    );
    expect(await acmeRecords('moved.acme.com')).toEqual([
      { type: 'NS', values: ['ns1.elsewhere.net', 'ns2.elsewhere.net'] },
    ]);
    expect(await publicZoneIds(orders, 'moved.acme.com')).toEqual([zoneId]);
  });

  it("a zone of another API, naming it; that API's own run removes it", async () => {
    const zoneId = await delegated('shared.acme.com', 'billing');

    expect(await refused({ domainName: 'shared.acme.com' })).toBe(
      refusal(
        'shared.acme.com',
        `zone ${zoneId} in account ${ORDERS_ACCOUNT} belongs to internal API 'billing' (its caller reference ` +
          "names it), not to 'orders-api': it is left alone. Pass the apiName of the API being removed " +
          "('billing'), or ask its owner.",
      ),
    );
    expect(await publicZoneIds(orders, 'shared.acme.com')).toEqual([zoneId]);

    await dnsSandbox.undelegate({
      domainName: 'shared.acme.com',
      apiName: 'billing',
    }).result;
    expect(await publicZoneIds(orders, 'shared.acme.com')).toEqual([]);
  });

  it('a zone the delegate action did not make', async () => {
    const { HostedZone } = await orders.send(
      new CreateHostedZoneCommand({
        Name: 'console.acme.com',
        CallerReference: 'made-in-the-console',
      }),
    );
    dnsSandbox.proxy.clear();
    expect(await refused({ domainName: 'console.acme.com' })).toContain(
      `zone ${HostedZone!.Id!.replace(
        '/hostedzone/',
        '',
      )} in account ${ORDERS_ACCOUNT} names no internal API ` +
        "(caller reference 'made-in-the-console')",
    );
  });

  it('a delegation in the parent when the API has no zone: nothing shows it is ours', async () => {
    await upsertRecord(dnsAccount, acmeZoneId(), {
      name: 'orphan.acme.com',
      type: 'NS',
      values: ['ns-9.awsdns-09.org'],
    });
    dnsSandbox.proxy.clear();
    expect(await refused({ domainName: 'orphan.acme.com' })).toBe(
      refusal(
        'orphan.acme.com',
        `acme.com delegates it to ns-9.awsdns-09.org, but account ${ORDERS_ACCOUNT} has no zone of that name ` +
          `for API 'orders-api', so nothing shows the delegation is this API's. Ask ${acmeOwner()} ` +
          'to remove it if nothing serves the name.',
      ),
    );
    expect(await acmeRecords('orphan.acme.com')).toHaveLength(1);
  });
});
