import { SANDBOX_ACCOUNTS, SANDBOX_REGION } from '@internal/aws-sandbox';
import { auditEvents } from '../__testUtils__/auditEvents';
import { operations } from '../__testUtils__/countedContext';
import { DnsSandbox, startDnsSandbox } from '../__testUtils__/dnsSandbox';
import { publicZoneIds } from '../__testUtils__/route53Records';

const { dns: DNS_ACCOUNT, orders: ORDERS_ACCOUNT } = SANDBOX_ACCOUNTS;
const DOMAIN = 'audited.acme.com';

/** delegate then undelegate one domain against moto, reading the DNS audit events of each run. */
describe('audit events of the DNS actions', () => {
  let dnsSandbox: DnsSandbox;
  beforeAll(async () => {
    dnsSandbox = await startDnsSandbox();
  }, 60_000);
  afterAll(() => dnsSandbox?.stop());

  const nsRecord = () => ({
    hostedZoneId: dnsSandbox.parentZoneId('acme.com'),
    zone: 'acme.com',
    record: DOMAIN,
    type: 'NS',
  });
  const common = {
    initiator: 'user:default/jane.doe',
    taskId: expect.any(String),
    templateRef: null,
    region: SANDBOX_REGION,
  };

  it('emits nothing for a dry-run', async () => {
    const { result, counter, auditor } = dnsSandbox.delegate(
      { domainName: DOMAIN },
      { isDryRun: true },
    );
    await result;
    expect(counter.writes()).toEqual([]);
    expect(await auditEvents(auditor)).toEqual([]);
  });

  it('delegate: one event for the zone, one for the NS record, then none on a re-run', async () => {
    const { result, counter, auditor } = dnsSandbox.delegate({
      domainName: DOMAIN,
    });
    const { hostedZoneId, delegationChange } = await result;

    expect(operations(counter.writes())).toEqual([
      'CreateHostedZone',
      'ChangeResourceRecordSets',
    ]);
    const actionId = 'internal-api:dns:delegate';
    expect(await auditEvents(auditor)).toEqual([
      {
        eventId: 'internal-api-dns-write',
        severityLevel: 'medium',
        status: 'succeeded',
        meta: {
          ...common,
          actionId,
          accountId: ORDERS_ACCOUNT,
          resource: { zone: DOMAIN },
          change: 'create',
          operation: 'CreateHostedZone',
          result: 'created',
          hostedZoneId,
        },
      },
      {
        eventId: 'internal-api-dns-write',
        severityLevel: 'medium',
        status: 'succeeded',
        meta: {
          ...common,
          actionId,
          accountId: DNS_ACCOUNT,
          resource: nsRecord(),
          change: 'create',
          operation: 'ChangeResourceRecordSets',
          result: 'created',
          // The change Route 53 accepted: the entity's status reads it again.
          changeId: delegationChange.id,
        },
      },
    ]);

    const again = dnsSandbox.delegate({ domainName: DOMAIN });
    await again.result;
    expect(again.counter.writes()).toEqual([]);
    expect(await auditEvents(again.auditor)).toEqual([]);
  });

  it('undelegate: one event for the NS record, one for the zone, then none on a re-run', async () => {
    const [hostedZoneId] = await publicZoneIds(
      dnsSandbox.route53.orders,
      DOMAIN,
    );
    const { result, counter, auditor } = dnsSandbox.undelegate({
      domainName: DOMAIN,
    });
    await result;

    expect(operations(counter.writes())).toEqual([
      'ChangeResourceRecordSets',
      'DeleteHostedZone',
    ]);
    const actionId = 'internal-api:dns:undelegate';
    expect((await auditEvents(auditor)).map(event => event.meta)).toEqual([
      {
        ...common,
        actionId,
        accountId: DNS_ACCOUNT,
        resource: nsRecord(),
        change: 'delete',
        operation: 'ChangeResourceRecordSets',
        result: 'removed',
      },
      {
        ...common,
        actionId,
        accountId: ORDERS_ACCOUNT,
        resource: { zone: DOMAIN, hostedZoneId },
        change: 'delete',
        operation: 'DeleteHostedZone',
        result: 'removed',
      },
    ]);

    const again = dnsSandbox.undelegate({ domainName: DOMAIN });
    await again.result;
    expect(again.counter.writes()).toEqual([]);
    expect(await auditEvents(again.auditor)).toEqual([]);
  });
});
