import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import {
  countingAwsClients,
  ORDERS_ACCOUNT,
  REGION,
  startPlacementLandscape,
} from '../__testUtils__/landscape';
import { createResolvePlacementAction } from './resolvePlacement';
import { examples } from './resolvePlacement.examples';

/** What a template would pass for `${{ parameters.x }}` in the examples. */
const parameters: Record<string, unknown> = {
  accountId: ORDERS_ACCOUNT,
  region: REGION,
  subnetFilters: [{ name: 'tag:Tier', values: ['private'] }],
};

function renderParameters(input: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(input).map(([key, value]) => {
      const match =
        typeof value === 'string'
          ? /^\$\{\{ parameters\.(\w+) \}\}$/.exec(value)
          : null;
      return [key, match ? parameters[match[1]] : value];
    }),
  );
}

describe('internal-api:placement:resolve examples', () => {
  let landscape: Awaited<ReturnType<typeof startPlacementLandscape>>;
  beforeAll(async () => {
    landscape = await startPlacementLandscape();
  }, 60_000);
  afterAll(() => landscape?.moto.stop());

  it.each(examples.map(example => [example.description, example.example]))(
    '%s: resolves three zones in the Orders VPC',
    async (_description, example) => {
      const [step] = yaml.parse(example).steps;
      const action = createResolvePlacementAction({
        internalApi: landscape.internalApi,
        aws: countingAwsClients(landscape.config).aws,
      });
      const ctx = createMockActionContext({
        input: renderParameters(step.input) as any,
      });

      await action.handler(ctx as any);

      expect(step.action).toBe(action.id);
      expect(ctx.output).toHaveBeenCalledWith('vpcId', landscape.orders.vpcId);
      expect(ctx.output).toHaveBeenCalledWith('availabilityZones', [
        'eu-west-1a',
        'eu-west-1b',
        'eu-west-1c',
      ]);
    },
  );
});
