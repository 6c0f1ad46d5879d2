import { CreateHostedZoneCommand } from '@aws-sdk/client-route-53';
import { route53In } from './accounts';
import { SANDBOX_ACCOUNTS } from './landscape';
import { addForeignRoute } from './landscapeRoutes';
import { landscapeState, withoutRandomIds } from './landscapeState';
import { MotoServer, startMotoServer } from './motoServer';
import { seedLandscape } from './seedLandscape';

describe('landscapeState', () => {
  let moto: MotoServer;
  beforeAll(async () => {
    moto = await startMotoServer();
  }, 60_000);
  afterAll(() => moto?.stop());

  it('compares two sandboxes seeded alike once the random ids are left out, and no longer after a route is added', async () => {
    // Each seeding starts from a reset emulator, which draws new ids.
    const first = await landscapeState(moto, await seedLandscape(moto));
    const landscape = await seedLandscape(moto);
    const second = await landscapeState(moto, landscape);
    expect(second.vpcRoutes).not.toEqual(first.vpcRoutes);
    expect(withoutRandomIds(second)).toEqual(withoutRandomIds(first));

    await addForeignRoute(moto, landscape, {
      vpc: 'partner',
      cidr: '10.10.0.0/16',
    });
    const changed = withoutRandomIds(await landscapeState(moto, landscape));
    expect(changed.vpcRoutes.partner).toEqual([
      expect.stringContaining('10.10.0.0/16 -> igw-* active'),
    ]);
    expect(changed).not.toEqual(withoutRandomIds(first));
  }, 120_000);

  it('keeps two zones of one name apart', async () => {
    const landscape = await seedLandscape(moto);
    const route53 = await route53In(moto, SANDBOX_ACCOUNTS.orders);
    for (const reference of ['first', 'second']) {
      await route53.send(
        new CreateHostedZoneCommand({
          Name: 'orders.api.acme.com',
          CallerReference: reference,
        }),
      );
    }
    route53.destroy();

    const { hostedZones } = await landscapeState(moto, landscape);
    expect(Object.keys(hostedZones).sort()).toEqual([
      `${SANDBOX_ACCOUNTS.dns} acme.com.`,
      `${SANDBOX_ACCOUNTS.orders} orders.api.acme.com.`,
      `${SANDBOX_ACCOUNTS.orders} orders.api.acme.com. #2`,
    ]);
  }, 60_000);
});
