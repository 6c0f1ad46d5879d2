import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { INTERNAL_API_ANNOTATIONS } from '@internal/plugin-internal-api-common';
import { findRouteClaims } from './routeClaims';

const { accountId, vpcId, consumers } = INTERNAL_API_ANNOTATIONS;

const component = (
  name: string,
  annotations: Record<string, string>,
  kind = 'Component',
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'service', owner: 'team-a', lifecycle: 'experimental' },
});

describe('findRouteClaims', () => {
  it('lists the entities of the account and VPC with their consumers; a missing annotation is unknown, not none', async () => {
    const here = { [accountId]: '444455556666', [vpcId]: 'vpc-orders' };
    const catalog = catalogServiceMock({
      entities: [
        component('orders-a', {
          ...here,
          [consumers]: 'customer-api, partner-api',
        }),
        component('orders-none', { ...here, [consumers]: '' }),
        component('orders-legacy', here),
        component('elsewhere', { ...here, [vpcId]: 'vpc-other' }),
        component('other-account', { ...here, [accountId]: '555566667777' }),
        // The template's API entity carries the account, not the VPC.
        component('orders-a', { [accountId]: '444455556666' }, 'API'),
      ],
    });
    const claims = await findRouteClaims(
      { catalog, auth: mockServices.auth() },
      { accountId: '444455556666', vpcId: 'vpc-orders' },
    );
    expect(
      claims.sort((a, b) => a.entityRef.localeCompare(b.entityRef)),
    ).toEqual([
      {
        entityRef: 'component:default/orders-a',
        accountId: '444455556666',
        vpcId: 'vpc-orders',
        consumers: ['customer-api', 'partner-api'],
      },
      {
        entityRef: 'component:default/orders-legacy',
        accountId: '444455556666',
        vpcId: 'vpc-orders',
        consumers: undefined,
      },
      {
        entityRef: 'component:default/orders-none',
        accountId: '444455556666',
        vpcId: 'vpc-orders',
        consumers: [],
      },
    ]);
  });
});
