import { mockServices } from '@backstage/backend-test-utils';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { accessOptions } from '../__testUtils__/accessFixture';
import { auditEvents } from '../__testUtils__/auditEvents';
import { startCatalogWithApis } from '../__testUtils__/catalogWithApis';
import { runAction } from '../__testUtils__/runAction';
import { createUnregisterEntityAction } from './unregisterEntity';

/**
 * The action against Backstage's real catalog in a test backend, with the
 * locations registered by URL as catalog:register does (files served here).
 */
describe('internal-api:catalog:unregister against a real catalog', () => {
  let started: Awaited<ReturnType<typeof startCatalogWithApis>>;
  let catalog: CatalogService;
  const refsInCatalog = () => started.inCatalog();

  beforeAll(async () => {
    started = await startCatalogWithApis([
      {
        name: 'orders-api',
        annotations: { 'internal-api.platform/domain': 'orders.api.acme.com' },
      },
      {
        name: 'billing-api',
        annotations: { 'internal-api.platform/domain': 'billing.api.acme.com' },
      },
      { name: 'website', annotations: {} },
    ]);
    catalog = started.catalog;
  }, 60_000);
  afterAll(() => started?.stop());

  let auditor = mockServices.auditor.mock();
  beforeEach(() => {
    auditor = mockServices.auditor.mock();
  });
  const action = () =>
    createUnregisterEntityAction({ ...accessOptions(), catalog, auditor });

  it('plans without a change: the location and both entities it holds', async () => {
    const outputs = await runAction(action(), {
      entityRef: 'orders-api',
      planOnly: true,
    });

    expect(outputs).toEqual({
      status: 'planned',
      location: started.locationOf('orders-api'),
      entityRefs: ['api:default/orders-api', 'component:default/orders-api'],
    });
    expect(await refsInCatalog()).toContain('Component:orders-api');
  });

  it('refuses an entity that is not an internal API, naming it, and changes nothing', async () => {
    const before = await refsInCatalog();

    await expect(
      runAction(action(), { entityRef: 'component:default/website' }),
    ).rejects.toThrow(
      "entityRef 'component:default/website' is not an internal API (it has no internal-api.platform/domain annotation)",
    );
    expect(await refsInCatalog()).toEqual(before);
  });

  it('removes the location with its Component and API, leaves the rest, and is absent on a re-run', async () => {
    const log: string[] = [];
    const outputs = await runAction(
      action(),
      { entityRef: 'component:default/orders-api' },
      { log },
    );

    expect(outputs.status).toBe('removed');
    expect(await auditEvents(auditor)).toEqual([
      {
        eventId: 'internal-api-catalog-unregister',
        severityLevel: 'medium',
        status: 'succeeded',
        meta: {
          initiator: 'user:default/jane.doe',
          taskId: expect.any(String),
          templateRef: null,
          actionId: 'internal-api:catalog:unregister',
          resource: {
            location: started.locationOf('orders-api'),
            entityRefs: [
              'api:default/orders-api',
              'component:default/orders-api',
            ],
          },
          change: 'delete',
          result: 'removed',
        },
      },
    ]);
    expect(log).toEqual([
      `Unregistered ${started.locationOf(
        'orders-api',
      )}, with api:default/orders-api, component:default/orders-api.`,
    ]);
    expect(await refsInCatalog()).toEqual([
      'API:billing-api',
      'API:website',
      'Component:billing-api',
      'Component:website',
    ]);
    const { items: locations } = await catalog.getLocations(
      {},
      started.credentials,
    );
    expect(locations.map(l => `url:${l.target}`)).not.toContain(
      started.locationOf('orders-api'),
    );

    const again = await runAction(action(), {
      entityRef: 'component:default/orders-api',
    });
    expect(again).toEqual({ status: 'absent', entityRefs: [] });
    // Absent: nothing removed, nothing audited beyond the first run's event.
    expect(await auditEvents(auditor)).toHaveLength(1);
  });

  it('refuses a malformed ref, naming the input', async () => {
    await expect(
      runAction(action(), { entityRef: 'component:' }),
    ).rejects.toThrow("entityRef 'component:' is not an entity ref");
  });
});
