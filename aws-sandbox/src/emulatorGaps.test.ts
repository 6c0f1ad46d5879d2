import {
  CreateRouteCommand,
  CreateTransitGatewayRouteCommand,
  DeleteTransitGatewayRouteCommand,
  DescribeRouteTablesCommand,
  EC2Client,
  SearchTransitGatewayRoutesCommand,
} from '@aws-sdk/client-ec2';
import { accountClientConfig, ec2In } from './accounts';
import { SANDBOX_ACCOUNTS } from './landscape';
import type { MotoServer } from './motoServer';
import { Sandbox, startSandbox } from './startSandbox';

/**
 * The proxy answers as AWS does where moto does not (emulatorGaps.ts). Each
 * test also reads moto directly, to show the gap is real and still there:
 * if moto closes one, the direct read fails here and the patch can go.
 */
describe('the sandbox proxy closes the emulator gaps', () => {
  let sandbox: Sandbox;
  let customer: { proxied: EC2Client; direct: EC2Client };
  let network: { proxied: EC2Client; direct: EC2Client };
  const clientsIn = async (accountId: string) => ({
    proxied: await ec2In(
      { endpoint: sandbox.proxy.endpoint } as MotoServer,
      accountId,
    ),
    direct: await ec2In(sandbox.moto, accountId),
  });
  beforeAll(async () => {
    sandbox = await startSandbox({ setEnv: false });
    customer = await clientsIn(SANDBOX_ACCOUNTS.customer);
    network = await clientsIn(SANDBOX_ACCOUNTS.network);
  }, 60_000);
  afterAll(async () => {
    for (const { proxied, direct } of [customer, network]) {
      proxied?.destroy();
      direct?.destroy();
    }
    await sandbox?.stop();
  });

  const customerTable = () =>
    sandbox.landscape.vpcs.customer.subnets.find(s => s.routeTableId)!
      .routeTableId!;
  const routeTo = async (ec2: EC2Client, cidr: string) => {
    const { RouteTables = [] } = await ec2.send(
      new DescribeRouteTablesCommand({ RouteTableIds: [customerTable()] }),
    );
    return RouteTables[0].Routes?.find(r => r.DestinationCidrBlock === cidr);
  };

  it('answers a dry run as AWS does (DryRunOperation) and writes nothing; moto would write', async () => {
    const dryRun = new CreateRouteCommand({
      RouteTableId: customerTable(),
      DestinationCidrBlock: '10.90.0.0/16',
      TransitGatewayId: sandbox.landscape.transitGatewayId,
      DryRun: true,
    });
    await expect(customer.proxied.send(dryRun)).rejects.toMatchObject({
      name: 'DryRunOperation',
    });
    expect(await routeTo(customer.direct, '10.90.0.0/16')).toBeUndefined();
    expect(sandbox.proxy.calls().at(-1)).toEqual({
      service: 'ec2',
      operation: 'CreateRoute (dry run)',
      write: false,
    });

    await customer.direct.send(dryRun);
    expect(await routeTo(customer.direct, '10.90.0.0/16')).toBeDefined();
  });

  it("names the transit gateway of a route into another account's gateway; moto drops it", async () => {
    const { transitGatewayId } = sandbox.landscape;
    await customer.proxied.send(
      new CreateRouteCommand({
        RouteTableId: customerTable(),
        DestinationCidrBlock: '10.91.0.0/16',
        TransitGatewayId: transitGatewayId,
      }),
    );
    expect(await routeTo(customer.proxied, '10.91.0.0/16')).toMatchObject({
      TransitGatewayId: transitGatewayId,
    });
    const direct = await routeTo(customer.direct, '10.91.0.0/16');
    expect(direct).toBeDefined();
    expect(direct!.TransitGatewayId).toBeUndefined();
  });

  it("names a transit gateway route's attachment and refuses a second route for the CIDR, as AWS does", async () => {
    const { routeTableId } =
      sandbox.landscape.config.internalApi.transitGateway;
    const attachmentId = sandbox.landscape.vpcs.orders.attachmentId!;
    const create = new CreateTransitGatewayRouteCommand({
      TransitGatewayRouteTableId: routeTableId,
      DestinationCidrBlock: '10.92.0.0/16',
      TransitGatewayAttachmentId: attachmentId,
    });
    await network.proxied.send(create);
    await expect(network.proxied.send(create)).rejects.toMatchObject({
      name: 'RouteAlreadyExists',
      message: `Route 10.92.0.0/16 already exists in Transit Gateway Route Table ${routeTableId}.`,
    });
    const search = new SearchTransitGatewayRoutesCommand({
      TransitGatewayRouteTableId: routeTableId,
      Filters: [{ Name: 'route-search.exact-match', Values: ['10.92.0.0/16'] }],
    });
    const proxied = await network.proxied.send(search);
    expect(proxied.Routes).toEqual([
      expect.objectContaining({
        TransitGatewayAttachments: [
          { TransitGatewayAttachmentId: attachmentId, ResourceType: 'vpc' },
        ],
      }),
    ]);
    const direct = await network.direct.send(search);
    expect(direct.Routes?.[0].TransitGatewayAttachments).toEqual([]);
  });

  it('answers a delete of a transit gateway route that is not there InvalidRoute.NotFound, as AWS does; moto fails', async () => {
    const remove = new DeleteTransitGatewayRouteCommand({
      TransitGatewayRouteTableId:
        sandbox.landscape.config.internalApi.transitGateway.routeTableId,
      DestinationCidrBlock: '10.94.0.0/16',
    });
    await expect(network.proxied.send(remove)).rejects.toMatchObject({
      name: 'InvalidRoute.NotFound',
      $metadata: { httpStatusCode: 400 },
    });
    // One attempt: the SDK retries an HTTP 500.
    const direct = new EC2Client({
      ...(await accountClientConfig(sandbox.moto, SANDBOX_ACCOUNTS.network)),
      maxAttempts: 1,
    });
    try {
      await expect(direct.send(remove)).rejects.toMatchObject({
        $metadata: { httpStatusCode: 500 },
      });
    } finally {
      direct.destroy();
    }
  });

  it('answers a denied operation UnauthorizedOperation, dry run or not', async () => {
    sandbox.proxy.deny('CreateTransitGatewayRoute');
    for (const DryRun of [true, false]) {
      await expect(
        network.proxied.send(
          new CreateTransitGatewayRouteCommand({
            TransitGatewayRouteTableId:
              sandbox.landscape.config.internalApi.transitGateway.routeTableId,
            DestinationCidrBlock: '10.93.0.0/16',
            TransitGatewayAttachmentId:
              sandbox.landscape.vpcs.orders.attachmentId!,
            DryRun,
          }),
        ),
      ).rejects.toMatchObject({ name: 'UnauthorizedOperation' });
    }
  });
});
