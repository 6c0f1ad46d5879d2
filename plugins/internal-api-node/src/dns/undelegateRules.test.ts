import type { ResourceRecordSet } from '@aws-sdk/client-route-53';
import {
  chooseOwnZone,
  decideParentNs,
  leftoverProblem,
  recordsBesidesApex,
} from './undelegateRules';

const where = {
  domain: 'orders.acme.com',
  apiName: 'orders-api',
  accountId: '444455556666',
};
const parent = {
  domain: 'acme.com',
  hostedZoneId: 'ZPARENT',
  accountId: '222233334444',
};
const ns = (values: string[], type = 'NS'): ResourceRecordSet => ({
  Name: 'orders.acme.com.',
  Type: type as 'NS',
  TTL: 3600,
  ResourceRecords: values.map(Value => ({ Value })),
});
const zone = {
  hostedZoneId: 'ZCHILD',
  nameServers: ['ns-1.awsdns-01.com', 'ns-2.awsdns-02.net'],
};

describe('chooseOwnZone', () => {
  const mark = (api: string, task = 'task-1') => `internal-api/${api}/${task}`;

  it('picks the zone whose mark names the API, among others of the name', () => {
    expect(
      chooseOwnZone(
        [
          { hostedZoneId: 'Z1', callerReference: mark('billing') },
          { hostedZoneId: 'Z2', callerReference: mark('orders-api') },
        ],
        where,
      ),
    ).toEqual({ hostedZoneId: 'Z2', callerReference: mark('orders-api') });
  });

  it('finds nothing to remove when the account has no zone of the name', () => {
    expect(chooseOwnZone([], where)).toBeUndefined();
  });

  it("refuses another API's zone and a zone without a mark, naming each", () => {
    expect(() =>
      chooseOwnZone(
        [
          { hostedZoneId: 'Z1', callerReference: mark('billing') },
          { hostedZoneId: 'Z2', callerReference: 'made-in-the-console' },
        ],
        where,
      ),
    ).toThrow(
      "domainName 'orders.acme.com' was not undelegated; nothing was changed:\n" +
        "- zone Z1 in account 444455556666 belongs to internal API 'billing' (its caller reference names it), " +
        "not to 'orders-api': it is left alone. Pass the apiName of the API being removed ('billing'), " +
        'or ask its owner.\n' +
        "- zone Z2 in account 444455556666 names no internal API (caller reference 'made-in-the-console'): " +
        'internal-api:dns:delegate did not make it, so it is left alone. Delete it by hand if nobody uses it.',
    );
  });

  it('refuses two zones of the API: it cannot tell which to delete', () => {
    expect(() =>
      chooseOwnZone(
        [
          { hostedZoneId: 'Z1', callerReference: mark('orders-api', 'a') },
          { hostedZoneId: 'Z2', callerReference: mark('orders-api', 'b') },
        ],
        where,
      ),
    ).toThrow(
      "account 444455556666 has 2 zones of that name marked for API 'orders-api' (Z1, Z2)",
    );
  });
});

describe('decideParentNs', () => {
  const decide = (records: ResourceRecordSet[], child = zone) =>
    decideParentNs({ parent, records, zone: child, ...where });

  it("removes the NS record that delegates to the zone's name servers, case and dots aside", () => {
    const record = ns(['NS-2.awsdns-02.net.', 'ns-1.AWSDNS-01.com.']);
    expect(decide([record])).toEqual({ ns: record, problems: [] });
  });

  it('has nothing to remove when the parent holds no NS record for the name', () => {
    expect(decide([])).toEqual({ problems: [] });
  });

  it('refuses a delegation to other name servers, naming both sets', () => {
    expect(decide([ns(['ns1.elsewhere.net'])]).problems).toEqual([
      'acme.com delegates it to ns1.elsewhere.net, not to the name servers of zone ZCHILD ' +
        '(ns-1.awsdns-01.com, ns-2.awsdns-02.net): it was delegated again elsewhere, so neither is removed. ' +
        'Ask the owner of acme.com (zone ZPARENT, account 222233334444) who uses it.',
    ]);
  });

  it('refuses a delegation when the API has no zone: nothing shows it is ours', () => {
    expect(
      decideParentNs({
        parent,
        records: [ns(zone.nameServers)],
        ...where,
      }).problems,
    ).toEqual([
      expect.stringContaining(
        "acme.com delegates it to ns-1.awsdns-01.com, ns-2.awsdns-02.net, but account 444455556666 has no zone of that name for API 'orders-api'",
      ),
    ]);
  });

  it('refuses a DS record beside the delegation (DNSSEC), which the delegate action never makes', () => {
    expect(
      decide([ns(zone.nameServers), ns(['12345 13 2 ABCDEF'], 'DS')]).problems,
    ).toEqual([
      expect.stringContaining('acme.com also holds a DS record for it'),
    ]);
  });
});

describe('what is left in the zone', () => {
  it('counts everything but the apex SOA and NS, sub-delegations included', () => {
    const records = [
      { type: 'SOA', name: 'orders.acme.com' },
      { type: 'NS', name: 'orders.acme.com' },
      { type: 'A', name: 'orders.acme.com' },
      { type: 'NS', name: 'team.orders.acme.com' },
    ];
    expect(recordsBesidesApex(records, 'orders.acme.com')).toEqual(
      records.slice(2),
    );
  });

  it('names a few records, counts the rest and points at the runbook', () => {
    const left = ['a', 'b', 'c', 'd', 'e'].map(label => ({
      type: 'CNAME',
      name: `_${label}.orders.acme.com`,
    }));
    expect(
      leftoverProblem({ zoneId: 'ZCHILD', accountId: '444455556666', left }),
    ).toBe(
      'zone ZCHILD in account 444455556666 still holds 5 records besides its SOA and NS ' +
        '(CNAME _a.orders.acme.com, CNAME _b.orders.acme.com, CNAME _c.orders.acme.com and 2 more): ' +
        "the API's stack is still deployed, or left them behind. Remove the stack first, as " +
        '"Removing the stack" in the README of the API\'s generated repository says, then re-run.',
    );
  });
});
