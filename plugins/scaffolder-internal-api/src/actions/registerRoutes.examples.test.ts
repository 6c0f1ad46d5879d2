import { placementOf, Sandbox, startSandbox } from '@internal/aws-sandbox';
import { countedContext } from '../__testUtils__/countedContext';
import { exampleSteps } from '../__testUtils__/examples';
import { runAction } from '../__testUtils__/runAction';
import { createRegisterRoutesAction } from './registerRoutes';
import { examples } from './registerRoutes.examples';

describe('internal-api:tgw:register-routes examples', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  }, 60_000);
  afterAll(() => sandbox?.stop());

  it('routes customer-api both ways, and the form-driven example then finds everything present', async () => {
    const placement = placementOf(sandbox.landscape, 'orders');
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
      const { counter, ...context } = countedContext(sandbox.landscape);
      const action = createRegisterRoutesAction(context);
      expect(step.action).toBe(action.id);
      const { routes } = await runAction(action, step.input);
      statuses.push({ writes: counter.writes().length, routes: routes.length });
    }
    // customer-api: the 1 of its 2 route tables a subnet uses; Orders: 3 return routes; 1 transit gateway route.
    expect(statuses).toEqual([
      { writes: 5, routes: 5 },
      { writes: 0, routes: 5 },
    ]);
  });
});
