import {
  landscapeState,
  placementOf,
  Sandbox,
  startSandbox,
} from '@internal/aws-sandbox';
import { countedContext, operations } from '../__testUtils__/countedContext';
import { exampleSteps } from '../__testUtils__/examples';
import { ordersApi, registerOrdersRoutes } from '../__testUtils__/ordersRoutes';
import { runAction } from '../__testUtils__/runAction';
import { createDeregisterRoutesAction } from './deregisterRoutes';
import { examples } from './deregisterRoutes.examples';

describe('internal-api:tgw:deregister-routes examples', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  }, 60_000);
  afterAll(() => sandbox?.stop());

  it('drops partner-api from an API that stays, then decommissions it: every route register made goes', async () => {
    const { landscape } = sandbox;
    const pristine = await landscapeState(sandbox.moto, landscape);
    await registerOrdersRoutes(landscape, ['customer-api', 'partner-api']);
    const { accountId, region, vpcId } = placementOf(landscape, 'orders');
    const steps = exampleSteps(examples, {
      'parameters.accountId': accountId,
      'parameters.region': region,
      'parameters.vpcId': vpcId,
      'parameters.entityRef': 'component:default/orders-api',
      'parameters.consumers': ['customer-api'],
    });
    // The catalog after each change: the API lists customer-api only, then it is gone.
    const catalogs = [
      [ordersApi(landscape, 'orders-api', ['customer-api'])],
      [],
    ];
    const writes = [];
    for (const [index, step] of steps.entries()) {
      const { counter, ...context } = countedContext(landscape, {
        catalogEntities: catalogs[index],
      });
      const action = createDeregisterRoutesAction(context);
      expect(step.action).toBe(action.id);
      await runAction(action, step.input);
      writes.push(operations(counter.writes()));
    }
    // partner-api: its main table and the 3 Orders return routes; then customer-api's 4 and the gateway's route.
    expect(writes).toEqual([
      Array(4).fill('DeleteRoute'),
      [...Array(4).fill('DeleteRoute'), 'DeleteTransitGatewayRoute'],
    ]);
    expect(await landscapeState(sandbox.moto, landscape)).toEqual(pristine);
  });
});
