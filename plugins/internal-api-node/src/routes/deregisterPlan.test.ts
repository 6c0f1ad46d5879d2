import {
  DeleteRouteCommand,
  DeleteTransitGatewayRouteCommand,
} from '@aws-sdk/client-ec2';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  ec2In,
  landscapeState,
  MotoServer,
  placementOf,
  Sandbox,
  SANDBOX_ACCOUNTS,
  SANDBOX_REGION,
  startSandbox,
} from '@internal/aws-sandbox';
import type { AwsClients } from '../aws/access';
import { createInternalApiContext, InternalApiContext } from '../context';
import { applyRoutes } from './apply';
import { applyRouteDeregistration } from './deregisterApply';
import { planRouteDeregistration } from './deregisterPlan';
import { planRoutes } from './plan';

/**
 * The deregistration's plan and apply against the sandbox: the plan is plain
 * JSON naming each delete's checkpoint, and a route someone removes between
 * plan and apply ends `absent`, with no error (EC2 answers
 * InvalidRoute.NotFound; the proxy gives that answer where moto fails).
 */
describe('route deregistration against the sandbox', () => {
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

  const withClients = <T>(fn: (clients: AwsClients) => Promise<T>) =>
    context.aws.withClients('user:default/jane.doe', fn);
  const orders = () => placementOf(sandbox.landscape, 'orders');
  const request = {
    accountId: SANDBOX_ACCOUNTS.orders,
    region: SANDBOX_REGION,
    consumers: ['customer-api'],
    entityRef: 'component:default/orders-api',
    decommission: true,
    claims: [],
  };

  it('removes what is still there and counts what someone removed meanwhile as absent', async () => {
    await withClients(async clients => {
      const registration = await planRoutes(context.internalApi, clients, {
        ...orders(),
        routeTableIds: orders().subnets.map(s => s.routeTableId),
        consumers: ['customer-api'],
      });
      await applyRoutes(registration, clients, async (_key, fn) => fn());
    });

    const plan = await withClients(clients =>
      planRouteDeregistration(context.internalApi, clients, {
        ...request,
        vpcId: orders().vpcId,
      }),
    );
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
    const { landscape } = sandbox;
    const customerTable = landscape.vpcs.customer.subnets.find(
      s => s.routeTableId,
    )!.routeTableId!;
    const tgwTable = landscape.config.internalApi.transitGateway.routeTableId;
    expect(plan.writes.map(w => w.checkpointKey).sort()).toEqual(
      [
        `internal-api:tgw:route-removal:${SANDBOX_ACCOUNTS.customer}:${customerTable}:10.10.0.0/16`,
        ...orders().subnets.map(
          s =>
            `internal-api:tgw:route-removal:${SANDBOX_ACCOUNTS.orders}:${s.routeTableId}:10.40.0.0/16`,
        ),
        `internal-api:tgw:route-removal:${SANDBOX_ACCOUNTS.network}:${tgwTable}:10.10.0.0/16`,
      ].sort(),
    );

    // Someone removes the consumer's route and the transit gateway route before the apply.
    const proxy = { endpoint: sandbox.proxy.endpoint } as MotoServer;
    const customer = await ec2In(proxy, SANDBOX_ACCOUNTS.customer);
    const network = await ec2In(proxy, SANDBOX_ACCOUNTS.network);
    await customer.send(
      new DeleteRouteCommand({
        RouteTableId: customerTable,
        DestinationCidrBlock: '10.10.0.0/16',
      }),
    );
    await network.send(
      new DeleteTransitGatewayRouteCommand({
        TransitGatewayRouteTableId: tgwTable,
        DestinationCidrBlock: '10.10.0.0/16',
      }),
    );
    customer.destroy();
    network.destroy();

    const routes = await withClients(clients =>
      applyRouteDeregistration(plan, clients, async (_key, fn) => fn()),
    );
    const statusOf = (table: string) =>
      routes.find(r => r.routeTableId === table)?.status;
    expect(statusOf(customerTable)).toBe('absent');
    expect(statusOf(tgwTable)).toBe('absent');
    for (const subnet of orders().subnets) {
      expect(statusOf(subnet.routeTableId)).toBe('removed');
    }
    const after = await landscapeState(sandbox.moto, landscape);
    expect(after.transitGatewayRoutes).toEqual([]);
    expect(after.vpcRoutes.orders.join('\n')).not.toContain('10.40.0.0/16');
    expect(after.vpcRoutes.customer.join('\n')).not.toContain('10.10.0.0/16');
  });
});
