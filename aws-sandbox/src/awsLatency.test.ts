import { DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  ChangeResourceRecordSetsCommand,
  CreateHostedZoneCommand,
  GetChangeCommand,
  ListHostedZonesCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { emulatorClientConfig } from './clientConfig';
import { MotoServer, startMotoServer } from './motoServer';
import { RecordingProxy, startRecordingProxy } from './recordingProxy';

/**
 * The latency model (awsLatency.ts) is for benchmarks: these tests check only
 * that it is applied, with lower bounds, never how fast anything is.
 */
describe('the recording proxy under the AWS latency model', () => {
  let moto: MotoServer;
  const proxies: RecordingProxy[] = [];
  const clients: { destroy(): void }[] = [];
  beforeAll(async () => {
    moto = await startMotoServer();
    // The emulator's first EC2 call builds its region state (seconds on a loaded machine):
    // made here, directly, so only the model can make the calls below slow.
    const direct = new EC2Client(emulatorClientConfig(moto));
    await direct.send(new DescribeVpcsCommand({}));
    direct.destroy();
  }, 60_000);
  afterAll(async () => {
    clients.forEach(client => client.destroy());
    await Promise.all(proxies.map(proxy => proxy.stop()));
    await moto?.stop();
  });

  const proxyWith = async (
    options: Parameters<typeof startRecordingProxy>[1],
  ) => {
    const proxy = await startRecordingProxy(moto.endpoint, options);
    proxies.push(proxy);
    const endpoint = { endpoint: proxy.endpoint } as MotoServer;
    const ec2 = new EC2Client(emulatorClientConfig(endpoint));
    const route53 = new Route53Client(
      emulatorClientConfig(endpoint, 'us-east-1'),
    );
    clients.push(ec2, route53);
    return { proxy, ec2, route53 };
  };

  const timed = async (fn: () => Promise<unknown>) => {
    const started = Date.now();
    await fn();
    return Date.now() - started;
  };

  it("adds each service's delay before the answer, and logs when each call started and ended", async () => {
    const { proxy, ec2, route53 } = await proxyWith({
      awsLatency: { callMs: { ec2: 300, route53: 600 } },
    });

    const ec2Ms = await timed(() => ec2.send(new DescribeVpcsCommand({})));
    const route53Ms = await timed(() =>
      route53.send(new ListHostedZonesCommand({})),
    );

    expect(ec2Ms).toBeGreaterThanOrEqual(300);
    expect(route53Ms).toBeGreaterThanOrEqual(600);
    const [describe, list] = proxy.requests();
    expect(describe.operation).toBe('DescribeVpcs');
    expect(describe.endedAt! - describe.startedAt!).toBeGreaterThanOrEqual(300);
    expect(list.operation).toBe('ListHostedZones');
    expect(list.endedAt! - list.startedAt!).toBeGreaterThanOrEqual(600);
    expect(list.startedAt).toBeGreaterThanOrEqual(describe.endedAt!);
  }, 30_000);

  it('keeps a Route 53 change PENDING for the configured time, then INSYNC', async () => {
    const { route53 } = await proxyWith({
      awsLatency: {
        callMs: { ec2: 0, sts: 0, route53: 0 },
        route53PendingMs: 500,
      },
    });
    const { HostedZone, ChangeInfo: zoneChange } = await route53.send(
      new CreateHostedZoneCommand({
        Name: 'pending.example',
        CallerReference: 'pending',
      }),
    );
    const changed = Date.now();
    const { ChangeInfo } = await route53.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: HostedZone!.Id,
        ChangeBatch: {
          Changes: [
            {
              Action: 'UPSERT',
              ResourceRecordSet: {
                Name: 'api.pending.example',
                Type: 'NS',
                TTL: 300,
                ResourceRecords: [{ Value: 'ns-1.awsdns-01.org' }],
              },
            },
          ],
        },
      }),
    );
    const status = async () =>
      (await route53.send(new GetChangeCommand({ Id: ChangeInfo!.Id })))
        .ChangeInfo!.Status;

    expect(zoneChange!.Status).toBe('PENDING');
    expect(ChangeInfo!.Status).toBe('PENDING');
    // Each change has an id of its own (moto gives every record change the same one).
    expect(ChangeInfo!.Id).not.toBe(zoneChange!.Id);
    expect(await status()).toBe('PENDING');
    let insync = false;
    while (!insync && Date.now() - changed < 10_000) {
      await new Promise(resolve => setTimeout(resolve, 50));
      insync = (await status()) === 'INSYNC';
    }
    expect(insync).toBe(true);
    expect(Date.now() - changed).toBeGreaterThanOrEqual(500);
  }, 30_000);

  it('changes nothing without the option: changes are INSYNC at once, as moto answers', async () => {
    const { route53 } = await proxyWith({});
    const { ChangeInfo } = await route53.send(
      new CreateHostedZoneCommand({
        Name: 'insync.example',
        CallerReference: 'insync',
      }),
    );
    const { ChangeInfo: got } = await route53.send(
      new GetChangeCommand({ Id: ChangeInfo!.Id }),
    );

    expect([ChangeInfo!.Status, got!.Status]).toEqual(['INSYNC', 'INSYNC']);
  }, 30_000);
});
