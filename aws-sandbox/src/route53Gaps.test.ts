import {
  ChangeResourceRecordSetsCommand,
  CreateHostedZoneCommand,
  ListResourceRecordSetsCommand,
  ResourceRecordSet,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { route53In } from './accounts';
import { SANDBOX_ACCOUNTS } from './landscape';
import type { MotoServer } from './motoServer';
import { Sandbox, startSandbox } from './startSandbox';

/**
 * A Route 53 DELETE must carry the record set exactly as it is (route53Gaps.ts).
 * Each test also sends the same DELETE to moto directly, to show the gap is
 * still there: if moto closes it, the direct call fails here and the patch can go.
 */
describe('the sandbox proxy deletes Route 53 record sets as AWS does', () => {
  let sandbox: Sandbox;
  let proxied: Route53Client;
  let direct: Route53Client;
  let zoneId: string;
  beforeAll(async () => {
    sandbox = await startSandbox({ setEnv: false });
    const proxy = { endpoint: sandbox.proxy.endpoint } as MotoServer;
    proxied = await route53In(proxy, SANDBOX_ACCOUNTS.orders);
    direct = await route53In(sandbox.moto, SANDBOX_ACCOUNTS.orders);
    const { HostedZone } = await direct.send(
      new CreateHostedZoneCommand({
        Name: 'gaps.example',
        CallerReference: 'gaps',
      }),
    );
    zoneId = HostedZone!.Id!;
  }, 60_000);
  afterAll(async () => {
    proxied?.destroy();
    direct?.destroy();
    await sandbox?.stop();
  });

  const ns = (
    name: string,
    values: string[],
    ttl = 300,
  ): ResourceRecordSet => ({
    Name: name,
    Type: 'NS',
    TTL: ttl,
    ResourceRecords: values.map(Value => ({ Value })),
  });
  const change = (
    client: Route53Client,
    Action: 'UPSERT' | 'DELETE',
    record: ResourceRecordSet,
  ) =>
    client.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        ChangeBatch: { Changes: [{ Action, ResourceRecordSet: record }] },
      }),
    );
  const nsValues = async (name: string) => {
    const { ResourceRecordSets = [] } = await direct.send(
      new ListResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        StartRecordName: name,
      }),
    );
    return ResourceRecordSets.find(
      set => set.Name === `${name}.` && set.Type === 'NS',
    )?.ResourceRecords?.map(r => r.Value);
  };

  it('refuses to delete a record whose values changed since they were read; moto would delete it', async () => {
    await change(direct, 'UPSERT', ns('a.gaps.example', ['ns1.ours.net']));
    await change(direct, 'UPSERT', ns('a.gaps.example', ['ns1.theirs.net']));

    await expect(
      change(proxied, 'DELETE', ns('a.gaps.example', ['ns1.ours.net'])),
    ).rejects.toMatchObject({
      name: 'InvalidChangeBatch',
      message:
        "Tried to delete resource record set [name='a.gaps.example.', type='NS'] " +
        'but the values provided do not match the current values',
    });
    expect(await nsValues('a.gaps.example')).toEqual(['ns1.theirs.net']);

    await change(direct, 'DELETE', ns('a.gaps.example', ['ns1.ours.net']));
    expect(await nsValues('a.gaps.example')).toBeUndefined();
  });

  it('refuses a TTL that differs, and deletes the record carried exactly', async () => {
    await change(
      direct,
      'UPSERT',
      ns('b.gaps.example', ['ns1.x.net', 'ns2.x.net']),
    );
    await expect(
      change(
        proxied,
        'DELETE',
        ns('b.gaps.example', ['ns1.x.net', 'ns2.x.net'], 60),
      ),
    ).rejects.toThrow('do not match the current values');

    await change(
      proxied,
      'DELETE',
      ns('b.gaps.example', ['ns1.x.net', 'ns2.x.net']),
    );
    expect(await nsValues('b.gaps.example')).toBeUndefined();
  });

  it('answers "not found" for a record already deleted; moto accepts it', async () => {
    const record = ns('c.gaps.example', ['ns1.x.net']);
    await change(direct, 'UPSERT', record);
    await change(proxied, 'DELETE', record);

    await expect(change(proxied, 'DELETE', record)).rejects.toMatchObject({
      name: 'InvalidChangeBatch',
      message:
        "Tried to delete resource record set [name='c.gaps.example.', type='NS'] but it was not found",
    });
    await expect(change(direct, 'DELETE', record)).resolves.toBeDefined();
  });
});
