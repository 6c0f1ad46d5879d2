import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { findNameClaims, NameClaim, refuseClaims } from './nameClaims';

const entity = (
  kind: string,
  name: string,
  annotations: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default', annotations },
  spec: { owner: 'group:default/team-orders' },
});

const claim = (entityRef: string, name: string): NameClaim => ({
  entityRef,
  name,
  owner: 'group:default/team-orders',
  annotation: 'internal-api.platform/domain',
  value: 'orders.api.acme.com',
});

describe('who the catalog says owns a domain or a zone', () => {
  it('finds the entities whose annotation has the value, and only those', async () => {
    const catalog = catalogServiceMock({
      entities: [
        entity('Component', 'orders-api', {
          'internal-api.platform/domain': 'orders.api.acme.com',
          'internal-api.platform/hosted-zone-id': 'ZORDERS',
        }),
        entity('Component', 'billing-api', {
          'internal-api.platform/domain': 'billing.api.acme.com',
        }),
      ],
    });
    const access = { catalog, auth: mockServices.auth() };

    expect(await findNameClaims(access, 'hostedZoneId', 'ZORDERS')).toEqual([
      {
        entityRef: 'component:default/orders-api',
        name: 'orders-api',
        owner: 'group:default/team-orders',
        annotation: 'internal-api.platform/hosted-zone-id',
        value: 'ZORDERS',
      },
    ]);
    expect(
      await findNameClaims(access, 'domain', 'stock.api.acme.com'),
    ).toEqual([]);
  });

  const owner = {
    domain: 'orders.api.acme.com',
    apiName: 'orders-api',
    halfCreated: false,
  };
  const own = [
    claim('component:default/orders-api', 'orders-api'),
    claim('api:default/orders-api', 'Orders-API'),
  ];

  it("an API in the catalog: its own entities (its name, any case) are no one else's claim", () => {
    expect(() => refuseClaims(owner, own)).not.toThrow();
    expect(() => refuseClaims(owner, [])).not.toThrow();
  });

  it('an API in the catalog: an entity of another name refuses, naming it, its owner and the annotation', () => {
    expect(() =>
      refuseClaims(owner, [...own, claim('component:default/copy', 'copy')]),
    ).toThrow(
      "domainName 'orders.api.acme.com' was not undelegated; nothing was changed:\n" +
        '- the catalog lists component:default/copy (owner group:default/team-orders) with internal-api.platform/domain ' +
        "orders.api.acme.com. The name is not API 'orders-api''s alone, so nothing is removed: ask that entity's owner, or correct its annotation.",
    );
  });

  it('a creation that failed half-way: any claim refuses, its own name included', () => {
    const halfCreated = { ...owner, halfCreated: true };
    expect(() => refuseClaims(halfCreated, [])).not.toThrow();
    expect(() => refuseClaims(halfCreated, own.slice(0, 1))).toThrow(
      /^domainName 'orders\.api\.acme\.com' was not undelegated; nothing was changed:\n- the catalog lists component:default\/orders-api .* A creation that failed half-way has no catalog entity, so the name is that API's: decommission it as "an API in the catalog", or check the domain name\.$/,
    );
  });
});
