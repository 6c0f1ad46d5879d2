import { exampleSteps } from '../__testUtils__/examples';
import { countingAwsClients, writesIn } from '../__testUtils__/landscape';
import {
  ordersPlacement,
  RoutingLandscape,
  startRoutingLandscape,
} from '../__testUtils__/routingLandscape';
import { runAction } from '../__testUtils__/runAction';
import { createRegisterRoutesAction } from './registerRoutes';
import { examples } from './registerRoutes.examples';

describe('internal-api:tgw:register-routes examples', () => {
  let landscape: RoutingLandscape;
  beforeAll(async () => {
    landscape = await startRoutingLandscape();
  }, 60_000);
  afterAll(() => landscape?.moto.stop());

  it('routes customer-api both ways, and the form-driven example then finds everything present', async () => {
    const placement = ordersPlacement(landscape);
    const steps = exampleSteps(examples, {
      ...Object.fromEntries(
        Object.entries(placement).map(([key, value]) => [
          `steps.placement.output.${key}`,
          value,
        ]),
      ),
      'parameters.consumers': ['customer-api'],
    });
    const statuses = [];
    for (const step of steps) {
      const { aws, calls } = countingAwsClients(landscape.config);
      const action = createRegisterRoutesAction({
        internalApi: landscape.internalApi,
        aws,
      });
      expect(step.action).toBe(action.id);
      const { routes } = await runAction(action, step.input);
      statuses.push({ writes: writesIn(calls).length, routes: routes.length });
    }
    // customer-api: 2 route tables; Orders: 3 return routes; 1 transit gateway route.
    expect(statuses).toEqual([
      { writes: 6, routes: 6 },
      { writes: 0, routes: 6 },
    ]);
  });
});
