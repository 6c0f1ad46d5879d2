import { DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { accountClientConfig } from './accounts';
import { SANDBOX_ACCOUNTS, seedLandscape } from './landscape';
import { landscapeState } from './landscapeState';
import { MotoServer, startMotoServer } from './motoServer';
import { sandboxConfig } from './sandboxConfig';

describe('seedLandscape', () => {
  let moto: MotoServer;
  beforeAll(async () => {
    moto = await startMotoServer();
  }, 60_000);
  afterAll(() => moto?.stop());

  const vpcCount = async (accountId: string) => {
    const ec2 = new EC2Client(await accountClientConfig(moto, accountId));
    const { Vpcs = [] } = await ec2.send(new DescribeVpcsCommand({}));
    ec2.destroy();
    return Vpcs.filter(vpc => !vpc.IsDefault).length;
  };

  it('seeds one landscape however often it runs, and derives its config', async () => {
    await seedLandscape(moto);
    const landscape = await seedLandscape(moto);

    for (const account of [
      'orders',
      'payments',
      'customer',
      'partner',
    ] as const) {
      await expect(vpcCount(SANDBOX_ACCOUNTS[account])).resolves.toBe(1);
    }
    const state = await landscapeState(moto, landscape);
    expect(Object.keys(state.hostedZones)).toEqual([
      `${SANDBOX_ACCOUNTS.dns} acme.com.`,
    ]);
    expect(state.transitGatewayRoutes).toEqual([]);

    const config = sandboxConfig(landscape, '/tmp/sandbox');
    expect(config.localGitPublisher).toEqual({ directory: '/tmp/sandbox/git' });
    expect(config.internalApi.workloadAccounts).toEqual([
      expect.objectContaining({
        accountId: SANDBOX_ACCOUNTS.orders,
        vpcId: landscape.vpcs.orders.vpcId,
      }),
      expect.objectContaining({
        accountId: SANDBOX_ACCOUNTS.payments,
        vpcId: landscape.vpcs.payments.vpcId,
      }),
    ]);
    // Payments keeps the layout an NLB refuses: two private subnets in one zone.
    expect(
      landscape.vpcs.payments.subnets.map(subnet => subnet.availabilityZone),
    ).toEqual(['eu-west-1a', 'eu-west-1a', 'eu-west-1b']);
  }, 120_000);
});
