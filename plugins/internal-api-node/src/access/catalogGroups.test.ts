import { mockCredentials } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { loadGroupParents } from './catalogGroups';
import { groupsOf } from './groups';

const group = (
  name: string,
  spec: Record<string, unknown> = {},
  extra: Partial<Entity> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: extra.metadata?.namespace },
  spec: { type: 'team', children: [], ...spec },
  relations: extra.relations,
});

describe('loadGroupParents', () => {
  const entities: Entity[] = [
    group('commerce'),
    group('orders-team', { parent: 'commerce' }),
    // Declared from the parent's side (spec.children): the catalog draws the childOf relation.
    group(
      'orders-backend',
      {},
      {
        relations: [
          { type: 'childOf', targetRef: 'group:default/orders-team' },
        ],
      },
    ),
    // spec.parent without namespace means the child's namespace.
    group(
      'billing',
      { parent: 'finance' },
      { metadata: { name: 'billing', namespace: 'payments' } },
    ),
    group(
      'finance',
      {},
      { metadata: { name: 'finance', namespace: 'payments' } },
    ),
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: 'sam' },
      spec: { memberOf: ['orders-team'] },
    },
  ];

  it('reads every group with its parents from spec.parent and childOf relations, in one call', async () => {
    const catalog = catalogServiceMock({ entities });
    const getEntities = jest.spyOn(catalog, 'getEntities');
    const credentials = mockCredentials.service('plugin:internal-api');

    const parents = await loadGroupParents(catalog, credentials);

    expect(Object.fromEntries(parents)).toEqual({
      'group:default/commerce': [],
      'group:default/orders-team': ['group:default/commerce'],
      'group:default/orders-backend': ['group:default/orders-team'],
      'group:payments/billing': ['group:payments/finance'],
      'group:payments/finance': [],
    });
    expect(getEntities).toHaveBeenCalledTimes(1);
    expect(getEntities.mock.calls[0][1]).toEqual({ credentials });
  });

  it('gives groupsOf what it needs to count a child team as its ancestors', async () => {
    const parents = await loadGroupParents(
      catalogServiceMock({ entities }),
      mockCredentials.user('user:default/olive'),
    );
    expect(
      groupsOf(['user:default/olive', 'group:default/orders-backend'], parents),
    ).toEqual(
      new Set([
        'group:default/orders-backend',
        'group:default/orders-team',
        'group:default/commerce',
      ]),
    );
  });
});
