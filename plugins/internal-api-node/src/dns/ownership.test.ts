import {
  apiOfZone,
  normalizeApiName,
  readZoneMark,
  refuseClaimsOfOtherApis,
  zoneMark,
} from './ownership';

const TASK_ID = 'd3b07384-d9a0-4c9b-8f1e-2b6c7a1e5f00';

describe("a zone's mark", () => {
  it('names the API and the task, and reads back as the API', () => {
    const mark = zoneMark('Orders-API', TASK_ID);
    expect(mark).toBe(`internal-api/orders-api/${TASK_ID}`);
    expect(apiOfZone(mark)).toBe('orders-api');
    expect(readZoneMark(mark)).toEqual({
      apiName: 'orders-api',
      taskId: TASK_ID,
    });
    expect(readZoneMark('console-2026')).toBeUndefined();
  });

  it("fits Route 53's 128 characters with the longest name and a UUID", () => {
    const mark = zoneMark('a'.repeat(63), TASK_ID);
    expect(mark.length).toBeLessThanOrEqual(128);
    expect(apiOfZone(mark)).toBe('a'.repeat(63));
  });

  it('hashes a task id that would not fit, the same way every time', () => {
    const longId = `dry-run-${'x'.repeat(100)}/with.dots`;
    const mark = zoneMark('a'.repeat(63), longId);
    expect(mark.length).toBeLessThanOrEqual(128);
    expect(zoneMark('a'.repeat(63), longId)).toBe(mark);
    expect(apiOfZone(mark)).toBe('a'.repeat(63));
  });

  it.each([
    ['created in the console', 'made-in-the-console'],
    [
      'an earlier version (task id, then domain)',
      `internal-api/${TASK_ID}/orders.acme.com`,
    ],
    ['another tool under our prefix', 'internal-api/orders/extra/parts'],
  ])('names no API when %s', (_case, callerReference) => {
    expect(apiOfZone(callerReference)).toBeUndefined();
  });

  it('refuses a name that is not a catalog name, naming the field and the fix', () => {
    expect(() => normalizeApiName('apiName', 'orders/api')).toThrow(
      "apiName 'orders/api' must be the API's catalog name",
    );
    expect(() => normalizeApiName('apiName', 'a'.repeat(64))).toThrow(
      'at most 63 characters',
    );
  });
});

describe('the catalog claims on a domain', () => {
  const claim = (name: string, owner?: string) => ({
    entityRef: `component:default/${name}`,
    name,
    owner,
  });

  it("lets the API's own entities through: a re-run", () => {
    expect(() =>
      refuseClaimsOfOtherApis('orders.acme.com', 'orders-api', [
        claim('Orders-API', 'group:default/team-a'),
      ]),
    ).not.toThrow();
  });

  it('refuses an entity of another name, naming it and its owner', () => {
    expect(() =>
      refuseClaimsOfOtherApis('orders.acme.com', 'billing-api', [
        claim('billing-api'),
        claim('orders-api', 'group:default/team-a'),
      ]),
    ).toThrow(
      "domainName 'orders.acme.com' is already used by component:default/orders-api (owner group:default/team-a)",
    );
  });
});
