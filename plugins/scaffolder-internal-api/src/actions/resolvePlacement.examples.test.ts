import {
  Sandbox,
  SANDBOX_ACCOUNTS,
  SANDBOX_REGION,
  startSandbox,
} from '@internal/aws-sandbox';
import { countedContext } from '../__testUtils__/countedContext';
import { exampleSteps } from '../__testUtils__/examples';
import { runAction } from '../__testUtils__/runAction';
import { createResolvePlacementAction } from './resolvePlacement';
import { examples } from './resolvePlacement.examples';

const steps = exampleSteps(examples, {
  'parameters.accountId': SANDBOX_ACCOUNTS.orders,
  'parameters.region': SANDBOX_REGION,
  'parameters.subnetFilters': [{ name: 'tag:Tier', values: ['private'] }],
  // Same-region ECR: the Orders subnets have no NAT route.
  'parameters.image':
    '444455556666.dkr.ecr.eu-west-1.amazonaws.com/orders:1.4.2',
});

describe('internal-api:placement:resolve examples', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  }, 60_000);
  afterAll(() => sandbox?.stop());

  it.each(steps.map(step => [step.description, step]))(
    '%s: resolves three zones in the Orders VPC',
    async (_, step) => {
      const action = createResolvePlacementAction(
        countedContext(sandbox.landscape),
      );

      const outputs = await runAction(action, step.input);

      expect(step.action).toBe(action.id);
      expect(outputs.vpcId).toBe(sandbox.landscape.vpcs.orders.vpcId);
      expect(outputs.availabilityZones).toEqual([
        'eu-west-1a',
        'eu-west-1b',
        'eu-west-1c',
      ]);
    },
  );
});
