import { accessOptions } from '../__testUtils__/accessFixture';
import { mockServices } from '@backstage/backend-test-utils';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { startCatalogWithApis } from '../__testUtils__/catalogWithApis';
import { exampleSteps } from '../__testUtils__/examples';
import { runAction } from '../__testUtils__/runAction';
import { createUnregisterEntityAction } from './unregisterEntity';
import { examples } from './unregisterEntity.examples';

/**
 * The examples in order against Backstage's real catalog in a test backend,
 * orders-api registered by URL as catalog:register does: the check plans
 * and changes nothing, then the removal takes the location and both entities.
 */
describe('internal-api:catalog:unregister examples', () => {
  let started: Awaited<ReturnType<typeof startCatalogWithApis>>;
  let catalog: CatalogService;
  let location: string;
  const inCatalog = () => started.inCatalog();

  beforeAll(async () => {
    started = await startCatalogWithApis([
      {
        name: 'orders-api',
        annotations: { 'internal-api.platform/domain': 'orders.api.acme.com' },
      },
    ]);
    catalog = started.catalog;
    location = started.locationOf('orders-api');
  }, 60_000);
  afterAll(() => started?.stop());

  const steps = exampleSteps(examples, {
    'parameters.entityRef': 'component:default/orders-api',
  });
  const expected = [
    { status: 'planned', after: ['API:orders-api', 'Component:orders-api'] },
    { status: 'removed', after: [] },
  ];

  it('has an expectation for each example', () => {
    expect(steps).toHaveLength(expected.length);
  });

  // In order: the check leaves the entities that the next example removes.
  it.each(steps.map((step, index) => [step.description, step, index] as const))(
    '%s',
    async (_, step, index) => {
      const action = createUnregisterEntityAction({
        ...accessOptions(),
        catalog,
        auditor: mockServices.auditor.mock(),
      });

      const outputs = await runAction(action, step.input);

      expect(step.action).toBe(action.id);
      expect(outputs).toEqual({
        status: expected[index].status,
        location,
        entityRefs: ['api:default/orders-api', 'component:default/orders-api'],
      });
      expect(await inCatalog()).toEqual(expected[index].after);
    },
  );
});
