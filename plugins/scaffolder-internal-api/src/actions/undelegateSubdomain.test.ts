import type { Route53Client } from '@aws-sdk/client-route-53';
import { SANDBOX_ACCOUNTS } from '@internal/aws-sandbox';
import { operations } from '../__testUtils__/countedContext';
import { DnsSandbox, startDnsSandbox } from '../__testUtils__/dnsSandbox';
import { publicZoneIds, recordSets } from '../__testUtils__/route53Records';
import { linesTooLong } from '../__testUtils__/taskLog';

const { orders: ORDERS_ACCOUNT } = SANDBOX_ACCOUNTS;

describe('internal-api:dns:undelegate against the emulator', () => {
  let dnsSandbox: DnsSandbox;
  let dnsAccount: Route53Client;
  let orders: Route53Client;

  beforeAll(async () => {
    dnsSandbox = await startDnsSandbox();
    ({ dns: dnsAccount, orders } = dnsSandbox.route53);
  }, 60_000);
  afterAll(() => dnsSandbox?.stop());

  const acmeZoneId = () => dnsSandbox.parentZoneId('acme.com');
  const acmeRecords = (name: string) =>
    recordSets(dnsAccount, acmeZoneId(), name);
  /** Delegates the name for orders-api, then forgets the calls that took. */
  const delegated = async (domainName: string) => {
    const outputs = await dnsSandbox.delegate({ domainName }).result;
    dnsSandbox.proxy.clear();
    return outputs.hostedZoneId as string;
  };
  /** What reached "AWS" (the recording proxy) since `delegated`. */
  const writesSeen = () =>
    operations(dnsSandbox.proxy.calls().filter(call => call.write));
  const statuses = (outputs: Record<string, any>) =>
    outputs.changes.map(
      (c: { change: string; status: string }) => `${c.change}:${c.status}`,
    );

  it('removes the NS record from the parent, then the zone', async () => {
    const zoneId = await delegated('orders.acme.com');
    const log: string[] = [];
    const { result, counter } = dnsSandbox.undelegate(
      { domainName: 'Orders.acme.com.' },
      { log },
    );
    const outputs = await result;

    expect(await acmeRecords('orders.acme.com')).toEqual([]);
    expect(await publicZoneIds(orders, 'orders.acme.com')).toEqual([]);
    const nsTarget = `NS orders.acme.com in acme.com (zone ${acmeZoneId()})`;
    const zoneTarget = `zone orders.acme.com in account ${ORDERS_ACCOUNT}`;
    expect(outputs).toEqual({
      hostedZoneId: zoneId,
      parentDomain: 'acme.com',
      changes: [
        { change: 'ns-record', target: nsTarget, status: 'removed' },
        { change: 'zone', target: zoneTarget, status: 'removed' },
      ],
      summary:
        'Undelegated orders.acme.com: removed its NS record in acme.com and its zone.',
    });
    // The parent first, so nothing delegates to a zone about to vanish.
    expect(writesSeen()).toEqual([
      'ChangeResourceRecordSets',
      'DeleteHostedZone',
    ]);
    expect(
      operations(counter.calls.filter(call => call.service === 'route53')),
    ).toEqual([
      'ListHostedZonesByName',
      'GetHostedZone',
      'ListResourceRecordSets',
      'ListResourceRecordSets',
      'ChangeResourceRecordSets',
      'GetChange',
      'DeleteHostedZone',
    ]);
    expect(log).toEqual([
      outputs.summary,
      `- removed: ${nsTarget}`,
      `- removed: ${zoneTarget}`,
    ]);
    expect(linesTooLong(log)).toEqual([]);
  });

  it('finds nothing to remove on a re-run, and writes nothing', async () => {
    await delegated('again.acme.com');
    await dnsSandbox.undelegate({ domainName: 'again.acme.com' }).result;
    dnsSandbox.proxy.clear();

    const outputs = await dnsSandbox.undelegate({
      domainName: 'again.acme.com',
    }).result;

    expect(writesSeen()).toEqual([]);
    expect(statuses(outputs)).toEqual(['ns-record:absent', 'zone:absent']);
    expect(outputs.hostedZoneId).toBeUndefined();
    expect(outputs.summary).toBe(
      'Nothing to remove: again.acme.com has no zone, acme.com no NS record for it.',
    );
  });

  it.each([
    ['in a dry-run', { isDryRun: true }, {}],
    ['with planOnly', {}, { planOnly: true }],
  ])(
    '%s, reads, outputs the plan and writes nothing',
    async (_, run, input) => {
      const zoneId = await delegated('kept.acme.com');
      const log: string[] = [];
      const outputs = await dnsSandbox.undelegate(
        { domainName: 'kept.acme.com', ...input },
        { ...run, log },
      ).result;

      expect(writesSeen()).toEqual([]);
      expect(dnsSandbox.proxy.calls().length).toBeGreaterThan(0);
      expect(statuses(outputs)).toEqual(['ns-record:planned', 'zone:planned']);
      expect(outputs.hostedZoneId).toBe(zoneId);
      expect(log[0]).toBe(
        'Plan only, would undelegate kept.acme.com: remove its NS record in acme.com and its zone.',
      );
      expect(await acmeRecords('kept.acme.com')).toHaveLength(1);
      expect(await publicZoneIds(orders, 'kept.acme.com')).toEqual([zoneId]);
    },
  );

  it('completes on a retry after the zone deletion failed, the NS record already gone', async () => {
    await delegated('halfway.acme.com');
    // One store for both runs: the scaffolder retrying the task (a new task re-plans the same way).
    const checkpoints = new Map<string, unknown>();
    const throttled = Object.assign(new Error('Rate exceeded'), {
      name: 'Throttling',
    });
    const failing = dnsSandbox.undelegate(
      { domainName: 'halfway.acme.com' },
      {
        checkpoints,
        failCall: call =>
          call.operation === 'DeleteHostedZone' ? throttled : undefined,
      },
    );
    await expect(failing.result).rejects.toThrow(
      'Rate exceeded.\nRemoved before this failure (a re-run finds it absent):\n' +
        `- NS halfway.acme.com in acme.com (zone ${acmeZoneId()})`,
    );
    expect(await acmeRecords('halfway.acme.com')).toEqual([]);
    dnsSandbox.proxy.clear();

    const outputs = await dnsSandbox.undelegate({
      domainName: 'halfway.acme.com',
    }).result;

    expect(statuses(outputs)).toEqual(['ns-record:absent', 'zone:removed']);
    expect(writesSeen()).toEqual(['DeleteHostedZone']);
    expect(await publicZoneIds(orders, 'halfway.acme.com')).toEqual([]);
  });
});
