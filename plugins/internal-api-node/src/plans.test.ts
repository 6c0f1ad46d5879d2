import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  placementOf,
  type Sandbox,
  SANDBOX_ACCOUNTS,
  startSandbox,
} from '@internal/aws-sandbox';
import type { AwsClients } from './aws/access';
import { createInternalApiContext, InternalApiContext } from './context';
import { listConsumerNetworks } from './consumers/plan';
import { planDelegation } from './dns/plan';
import { planPlacement } from './placement/plan';
import { planRoutes } from './routes/plan';

/**
 * Every capability's read-only plan is plain JSON data: a dry-run prints it
 * and a task could store it as it is (no closures, no class instances, no
 * clients), and each write names the checkpoint it runs under.
 */
describe('the plans against the sandbox', () => {
  let sandbox: Sandbox;
  let context: InternalApiContext;
  beforeAll(async () => {
    sandbox = await startSandbox();
    context = createInternalApiContext({
      config: new ConfigReader(sandbox.landscape.config),
      logger: mockServices.logger.mock(),
    });
  }, 60_000);
  afterAll(() => sandbox?.stop());

  const plan = <T>(fn: (clients: AwsClients) => Promise<T>) =>
    context.aws.withClients('user:default/jane.doe', fn);
  const roundTrip = (value: unknown) => JSON.parse(JSON.stringify(value));

  it('placement and consumers: data only, nothing to write', async () => {
    const placement = await plan(clients =>
      planPlacement(context.internalApi, clients, {
        accountId: SANDBOX_ACCOUNTS.orders,
        region: 'eu-west-1',
        subnetFilters: [{ name: 'tag:Tier', values: ['private'] }],
      }),
    );
    expect(roundTrip(placement)).toEqual(placement);
    expect(placement).toMatchObject({ problems: [] });

    const consumers = await plan(clients =>
      listConsumerNetworks(context.internalApi, clients),
    );
    expect(roundTrip(consumers)).toEqual(consumers);
  });

  it('dns: the zone and the NS record, each under its own checkpoint', async () => {
    const delegation = await plan(clients =>
      planDelegation(context.internalApi, clients, {
        domainName: 'plans.api.acme.com',
        accountId: SANDBOX_ACCOUNTS.orders,
      }),
    );
    expect(roundTrip(delegation)).toEqual(delegation);
    const parent = sandbox.landscape.config.internalApi.parentZones[0];
    expect(delegation.writes).toEqual([
      {
        op: 'create-zone',
        change: 0,
        checkpointKey: `internal-api:dns:create-zone:${SANDBOX_ACCOUNTS.orders}:plans.api.acme.com`,
      },
      {
        op: 'create-ns',
        change: 1,
        checkpointKey: `internal-api:dns:create-ns:${parent.hostedZoneId}:plans.api.acme.com`,
      },
    ]);
  });

  it('routes: one write per planned route, in the order of the changes', async () => {
    const orders = placementOf(sandbox.landscape, 'orders');
    const routes = await plan(clients =>
      planRoutes(context.internalApi, clients, {
        accountId: SANDBOX_ACCOUNTS.orders,
        region: 'eu-west-1',
        vpcId: orders.vpcId,
        routeTableIds: orders.subnets.map(subnet => subnet.routeTableId),
        consumers: ['customer-api'],
      }),
    );
    expect(roundTrip(routes)).toEqual(routes);
    const planned = routes.changes.flatMap((change, index) =>
      change.status === 'planned' ? [index] : [],
    );
    expect(routes.writes.map(write => write.change)).toEqual(planned);
    expect(planned.length).toBeGreaterThan(0);
  });
});
