import {
  ChangeResourceRecordSetsCommand,
  CreateHostedZoneCommand,
  GetHostedZoneCommand,
  ListResourceRecordSetsCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { route53In } from './accounts';
import { SANDBOX_ACCOUNTS } from './landscape';
import type { MotoServer } from './motoServer';
import { Sandbox, startSandbox } from './startSandbox';

/**
 * Two rules of Route 53 a race for one name depends on, which the proxy
 * restores (route53Gaps.ts, route53NameServers.ts): a CREATE of an existing
 * record set is refused, also when two arrive at once, and each zone has name
 * servers of its own. Each test shows moto's own answer too, so a moto that
 * closes the gap shows up here.
 */
describe('the sandbox proxy creates Route 53 zones and records as AWS does', () => {
  let sandbox: Sandbox;
  let proxied: Route53Client;
  let direct: Route53Client;
  beforeAll(async () => {
    sandbox = await startSandbox({ setEnv: false });
    const proxy = { endpoint: sandbox.proxy.endpoint } as MotoServer;
    proxied = await route53In(proxy, SANDBOX_ACCOUNTS.orders);
    direct = await route53In(sandbox.moto, SANDBOX_ACCOUNTS.orders);
  }, 60_000);
  afterAll(async () => {
    proxied?.destroy();
    direct?.destroy();
    await sandbox?.stop();
  });

  const createZone = (client: Route53Client, name: string, ref: string) =>
    client.send(
      new CreateHostedZoneCommand({ Name: name, CallerReference: ref }),
    );
  const createNs = (
    client: Route53Client,
    zoneId: string,
    name: string,
    value: string,
  ) =>
    client.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        ChangeBatch: {
          Changes: [
            {
              Action: 'CREATE',
              ResourceRecordSet: {
                Name: name,
                Type: 'NS',
                TTL: 300,
                ResourceRecords: [{ Value: value }],
              },
            },
          ],
        },
      }),
    );
  const nsRecords = async (zoneId: string, name: string) =>
    (
      await direct.send(
        new ListResourceRecordSetsCommand({ HostedZoneId: zoneId }),
      )
    ).ResourceRecordSets!.filter(
      set => set.Type === 'NS' && set.Name === `${name}.`,
    );

  it('gives two zones of one name name servers of their own, the same in every answer and in the zone', async () => {
    const first = await createZone(proxied, 'twin.example', 'twin-1');
    const second = await createZone(proxied, 'twin.example', 'twin-2');
    const mine = first.DelegationSet!.NameServers!;
    const theirs = second.DelegationSet!.NameServers!;

    expect(mine).toHaveLength(4);
    expect(mine.filter(server => theirs.includes(server))).toEqual([]);
    const got = await proxied.send(
      new GetHostedZoneCommand({ Id: first.HostedZone!.Id }),
    );
    expect(got.DelegationSet!.NameServers).toEqual(mine);
    const [apex] = await nsRecords(first.HostedZone!.Id!, 'twin.example');
    expect(apex.ResourceRecords!.map(record => record.Value).sort()).toEqual(
      [...mine].sort(),
    );
    // moto alone gives both zones the same four.
    const a = await createZone(direct, 'twin.example', 'twin-3');
    const b = await createZone(direct, 'twin.example', 'twin-4');
    expect(a.DelegationSet!.NameServers).toEqual(b.DelegationSet!.NameServers);
  });

  it('refuses a CREATE of a record set that exists, of many at once all but one', async () => {
    const { HostedZone } = await createZone(direct, 'race.example', 'race');
    const zoneId = HostedZone!.Id!;
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, index) =>
        createNs(proxied, zoneId, 'sub.race.example', `ns-${index}.example`),
      ),
    );

    expect(results.filter(r => r.status === 'fulfilled')).toHaveLength(1);
    const refusals = results.flatMap(r =>
      r.status === 'rejected' ? [r.reason as Error] : [],
    );
    expect(refusals.map(error => [error.name, error.message])).toEqual(
      Array(4).fill([
        'InvalidChangeBatch',
        "[Tried to create resource record set [name='sub.race.example.', type='NS'] but it already exists]",
      ]),
    );
    expect(await nsRecords(zoneId, 'sub.race.example')).toHaveLength(1);
    // moto alone takes the second CREATE.
    await expect(
      createNs(direct, zoneId, 'sub.race.example', 'ns-9.example'),
    ).resolves.toBeDefined();
  });
});
