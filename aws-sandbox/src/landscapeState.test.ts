import {
  ChangeResourceRecordSetsCommand,
  CreateHostedZoneCommand,
} from '@aws-sdk/client-route-53';
import { route53In } from './accounts';
import { SANDBOX_ACCOUNTS } from './landscape';
import { addForeignRoute } from './landscapeRoutes';
import { landscapeState, withoutRandomIds } from './landscapeState';
import { MotoServer, startMotoServer } from './motoServer';
import { seedLandscape } from './seedLandscape';
import { startSandbox } from './startSandbox';

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

describe('withoutRandomIds with zones made through the sandbox proxy', () => {
  /** A sandbox where orders.api.acme.com has `zones` zones and the parent delegates to the one at `delegated`. */
  async function delegatedState(zones: number, delegated: number) {
    const sandbox = await startSandbox({ setEnv: false });
    try {
      const proxy = { endpoint: sandbox.proxy.endpoint } as MotoServer;
      const orders = await route53In(proxy, SANDBOX_ACCOUNTS.orders);
      const dns = await route53In(proxy, SANDBOX_ACCOUNTS.dns);
      const servers: string[][] = [];
      for (let zone = 0; zone < zones; zone++) {
        const { DelegationSet } = await orders.send(
          new CreateHostedZoneCommand({
            Name: 'orders.api.acme.com',
            CallerReference: `zone-${zone}`,
          }),
        );
        servers.push(DelegationSet!.NameServers!);
      }
      await dns.send(
        new ChangeResourceRecordSetsCommand({
          HostedZoneId:
            sandbox.landscape.config.internalApi.parentZones[0].hostedZoneId,
          ChangeBatch: {
            Changes: [
              {
                Action: 'CREATE',
                ResourceRecordSet: {
                  Name: 'orders.api.acme.com',
                  Type: 'NS',
                  TTL: 300,
                  ResourceRecords: servers[delegated].map(Value => ({ Value })),
                },
              },
            ],
          },
        }),
      );
      orders.destroy();
      dns.destroy();
      return withoutRandomIds(
        await landscapeState(sandbox.moto, sandbox.landscape),
      );
    } finally {
      await sandbox.stop();
    }
  }

  it('names each zone’s own name servers after it, so delegations compare across sandboxes and a delegation to another zone does not', async () => {
    const first = await delegatedState(1, 0);
    const second = await delegatedState(1, 0);

    expect(first.hostedZones[`${SANDBOX_ACCOUNTS.dns} acme.com.`]).toContain(
      `orders.api.acme.com. NS <name servers of ${SANDBOX_ACCOUNTS.orders} orders.api.acme.com.>`,
    );
    expect(second).toEqual(first);
    // Two zones, the parent naming the second: not the state of one clean delegation.
    expect(await delegatedState(2, 1)).not.toEqual(first);
  }, 120_000);
});
