import type { Route53Client } from '@aws-sdk/client-route-53';
import type { Entity } from '@backstage/catalog-model';
import { SANDBOX_ACCOUNTS } from '@internal/aws-sandbox';
import { operations } from '../__testUtils__/countedContext';
import { DnsSandbox, startDnsSandbox } from '../__testUtils__/dnsSandbox';
import {
  callerReferenceOf,
  publicZoneIds,
  upsertRecord,
} from '../__testUtils__/route53Records';

const { orders: ORDERS_ACCOUNT } = SANDBOX_ACCOUNTS;

/** The Component the template registers for an API, with the domain it serves. */
const component = (name: string, domain: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'internal-api.platform/domain': domain },
  },
  spec: { type: 'service', owner: 'group:default/team-orders' },
});

describe('internal-api:dns:delegate gives a name to one API only', () => {
  let dnsSandbox: DnsSandbox;
  let orders: Route53Client;

  beforeAll(async () => {
    dnsSandbox = await startDnsSandbox();
    ({ orders } = dnsSandbox.route53);
  }, 60_000);
  afterAll(() => dnsSandbox?.stop());

  const delegate: DnsSandbox['delegate'] = (...args) =>
    dnsSandbox.delegate(...args);

  it("refuses another API the zone one API created in the same account, and adopts it for that API's re-run", async () => {
    const first = await delegate({
      domainName: 'orders.acme.com',
      apiName: 'orders',
    }).result;
    const zoneId = first.hostedZoneId;
    expect(await callerReferenceOf(orders, zoneId)).toMatch(
      /^internal-api\/orders\//,
    );

    const billing = delegate({
      domainName: 'orders.acme.com',
      apiName: 'billing',
    });
    await expect(billing.result).rejects.toMatchObject({
      name: 'InputError',
      message:
        `domainName 'orders.acme.com': zone ${zoneId} in account ${ORDERS_ACCOUNT} belongs to internal API 'orders' ` +
        "(its caller reference names it), not to 'billing'. Choose another domain name; if this is a re-run of 'orders', use that name.",
    });
    expect(billing.counter.writes()).toEqual([]);

    // A new task of the same API (a re-run after a failed task) converges.
    const rerun = delegate({
      domainName: 'orders.acme.com',
      apiName: 'orders',
    });
    await expect(rerun.result).resolves.toMatchObject({
      hostedZoneId: zoneId,
      changes: [{ status: 'unchanged' }, { status: 'unchanged' }],
    });
    expect(rerun.counter.writes()).toEqual([]);
    expect(await publicZoneIds(orders, 'orders.acme.com')).toEqual([zoneId]);
  });

  it("adopts the API's own zone even when its stack has added records there", async () => {
    const first = await delegate({ domainName: 'deployed.acme.com' }).result;
    await upsertRecord(orders, first.hostedZoneId, {
      name: 'deployed.acme.com',
      type: 'A',
      values: ['10.10.1.20'],
    });
    const rerun = delegate({ domainName: 'deployed.acme.com' });
    await expect(rerun.result).resolves.toMatchObject({
      hostedZoneId: first.hostedZoneId,
    });
    expect(rerun.counter.writes()).toEqual([]);
  });

  it.each([false, true])(
    'refuses a domain the catalog gives to another API before any AWS call (planOnly: %s)',
    async planOnly => {
      const { result, counter } = delegate(
        { domainName: 'claimed.acme.com', apiName: 'billing', planOnly },
        { catalogEntities: [component('orders', 'claimed.acme.com')] },
      );
      await expect(result).rejects.toMatchObject({
        name: 'InputError',
        message:
          "domainName 'claimed.acme.com' is already used by component:default/orders (owner group:default/team-orders): " +
          "its internal-api.platform/domain annotation names it, so API 'billing' cannot have it. " +
          "Choose another domain name, or ask that entity's owner.",
      });
      expect(counter.calls).toEqual([]);
      expect(await publicZoneIds(orders, 'claimed.acme.com')).toEqual([]);
    },
  );

  it("goes ahead when the catalog's entity for the domain is this API's own", async () => {
    const { result, counter } = delegate(
      { domainName: 'own.acme.com', apiName: 'orders' },
      {
        catalogEntities: [
          component('orders', 'own.acme.com'),
          component('billing', 'billing.acme.com'),
        ],
      },
    );
    await expect(result).resolves.toMatchObject({
      changes: [{ status: 'created' }, { status: 'created' }],
    });
    expect(operations(counter.writes())).toEqual([
      'CreateHostedZone',
      'ChangeResourceRecordSets',
    ]);
  });
});
