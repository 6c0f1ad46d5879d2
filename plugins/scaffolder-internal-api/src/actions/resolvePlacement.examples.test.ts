import { exampleSteps } from '../__testUtils__/examples';
import {
  countingAwsClients,
  ORDERS_ACCOUNT,
  REGION,
  startPlacementLandscape,
} from '../__testUtils__/landscape';
import { runAction } from '../__testUtils__/runAction';
import { createResolvePlacementAction } from './resolvePlacement';
import { examples } from './resolvePlacement.examples';

const steps = exampleSteps(examples, {
  'parameters.accountId': ORDERS_ACCOUNT,
  'parameters.region': REGION,
  'parameters.subnetFilters': [{ name: 'tag:Tier', values: ['private'] }],
});

describe('internal-api:placement:resolve examples', () => {
  let landscape: Awaited<ReturnType<typeof startPlacementLandscape>>;
  beforeAll(async () => {
    landscape = await startPlacementLandscape();
  }, 60_000);
  afterAll(() => landscape?.moto.stop());

  it.each(steps.map(step => [step.description, step]))(
    '%s: resolves three zones in the Orders VPC',
    async (_, step) => {
      const action = createResolvePlacementAction({
        internalApi: landscape.internalApi,
        aws: countingAwsClients(landscape.config).aws,
      });

      const outputs = await runAction(action, step.input);

      expect(step.action).toBe(action.id);
      expect(outputs.vpcId).toBe(landscape.orders.vpcId);
      expect(outputs.availabilityZones).toEqual([
        'eu-west-1a',
        'eu-west-1b',
        'eu-west-1c',
      ]);
    },
  );
});
