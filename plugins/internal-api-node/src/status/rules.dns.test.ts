import type { Route53Change } from '@internal/plugin-internal-api-common';
import { delegationStatus, zoneStatus } from './rules';

// The entity card's DNS verdicts, over plain data as readDns hands it over:
// no AWS. The route verdicts: rules.test.ts.

describe("the API's delegation and zone", () => {
  const parent = {
    domain: 'acme.com',
    hostedZoneId: 'ZPARENT',
    accountId: '222233334444',
  };
  const zoneNs = ['ns-1.awsdns-01.org', 'ns-2.awsdns-02.net'];
  const delegation = (parentNameServers?: string[]) =>
    delegationStatus({
      parent,
      domain: 'orders.api.acme.com',
      parentNameServers,
      zoneNameServers: zoneNs,
    });

  it('present: the parent delegates to the zone name servers (case, order and trailing dots aside)', () => {
    expect(delegation(['NS-2.awsdns-02.net.', 'ns-1.awsdns-01.org.'])).toEqual({
      parentDomain: 'acme.com',
      state: 'present',
      parentNameServers: ['NS-2.awsdns-02.net.', 'ns-1.awsdns-01.org.'],
      zoneNameServers: zoneNs,
    });
  });

  it("present carries the task's NS change as Route 53 reports it; propagating is no drift", () => {
    const withChange = (
      parentNameServers: string[] | undefined,
      change: Route53Change,
    ) =>
      delegationStatus({
        parent,
        domain: 'orders.api.acme.com',
        parentNameServers,
        zoneNameServers: zoneNs,
        change,
      });
    const pending: Route53Change = {
      id: 'C2682N5HXP0BZ4',
      status: 'PENDING',
      submittedAt: '2026-11-26T10:00:00.000Z',
    };
    expect(withChange(zoneNs, pending)).toEqual({
      parentDomain: 'acme.com',
      state: 'present',
      parentNameServers: zoneNs,
      zoneNameServers: zoneNs,
      change: pending,
    });
    expect(
      withChange(zoneNs, { id: 'C2682N5HXP0BZ4', status: 'INSYNC' }).change,
    ).toEqual({ id: 'C2682N5HXP0BZ4', status: 'INSYNC' });
    // Without the record, whether its change propagated says nothing.
    expect(withChange(undefined, pending).change).toBeUndefined();
  });

  it('missing: the parent has no NS record, naming the owner to ask', () => {
    const status = delegation(undefined);
    expect(status.state).toBe('missing');
    expect(status.parentNameServers).toEqual([]);
    expect(status.todo).toBe(
      "acme.com has no NS record for orders.api.acme.com: nothing resolves the API's name. Run the delegation again " +
        '(internal-api:dns:delegate) or ask the owner of acme.com (zone ZPARENT, account 222233334444)',
    );
  });

  it("different: the parent delegates to other name servers than the zone's; never overwritten", () => {
    const status = delegation(['ns-9.elsewhere.example']);
    expect(status.state).toBe('different');
    expect(status.todo).toMatch(
      /^acme\.com delegates orders\.api\.acme\.com to other name servers than the API's zone: .*the platform never overwrites it$/,
    );
  });

  const zone = (
    records: { type: string; name: string }[],
    extra: { name?: string; markedFor?: string } = {},
  ) =>
    zoneStatus({
      hostedZoneId: 'ZORDERS',
      accountId: '444455556666',
      domain: 'orders.api.acme.com',
      apiName: 'orders-api',
      zone: {
        name: 'orders.api.acme.com',
        markedFor: 'orders-api',
        records,
        ...extra,
      },
    });
  const APEX = [
    { type: 'SOA', name: 'orders.api.acme.com' },
    { type: 'NS', name: 'orders.api.acme.com' },
  ];

  it('stack not deployed: only the apex SOA and NS, no todo', () => {
    expect(zone(APEX)).toEqual({
      hostedZoneId: 'ZORDERS',
      exists: true,
      markedFor: 'orders-api',
      deployed: false,
      recordCount: 0,
      records: [],
    });
  });

  it('stack deployed: any other record, counted, the first five shown', () => {
    const stack = ['a', 'b', 'c', 'd', 'e', 'f'].map(label => ({
      type: 'A',
      name: `${label}.orders.api.acme.com`,
    }));
    const status = zone([
      ...APEX,
      { type: 'A', name: 'orders.api.acme.com' },
      ...stack,
    ]);
    expect(status.deployed).toBe(true);
    expect(status.recordCount).toBe(7);
    expect(status.records).toEqual([
      'A orders.api.acme.com',
      'A a.orders.api.acme.com',
      'A b.orders.api.acme.com',
      'A c.orders.api.acme.com',
      'A d.orders.api.acme.com',
    ]);
    expect(status.todo).toBeUndefined();
  });

  it('an NS record below the apex is the stack delegating further: deployed', () => {
    expect(
      zone([...APEX, { type: 'NS', name: 'v2.orders.api.acme.com' }]),
    ).toMatchObject({ deployed: true, recordCount: 1 });
  });

  it('no zone: not there, not deployed, with what to correct', () => {
    expect(
      zoneStatus({
        hostedZoneId: 'ZGONE',
        accountId: '444455556666',
        domain: 'orders.api.acme.com',
        apiName: 'orders-api',
      }),
    ).toEqual({
      hostedZoneId: 'ZGONE',
      exists: false,
      deployed: false,
      recordCount: 0,
      records: [],
      todo: 'zone ZGONE (the hosted-zone-id annotation) is not in account 444455556666: it was deleted, or the annotation is wrong. Correct the annotation, or run the delegation again',
    });
  });

  it("a zone of another name, another API's mark, or no mark: each with its todo", () => {
    expect(zone(APEX, { name: 'billing.api.acme.com' }).todo).toBe(
      'zone ZORDERS is for billing.api.acme.com, not orders.api.acme.com: correct the hosted-zone-id or domain annotation',
    );
    expect(zone(APEX, { markedFor: 'billing-api' })).toMatchObject({
      markedFor: 'billing-api',
      todo: "zone ZORDERS is marked for API 'billing-api', not 'orders-api': correct the annotations, or ask that API's owner",
    });
    const unmarked = zone(APEX, { markedFor: undefined });
    expect(unmarked).not.toHaveProperty('markedFor');
    expect(unmarked.todo).toBe(
      'zone ZORDERS names no internal API (internal-api:dns:delegate did not create it): decommission will leave it alone',
    );
  });
});
