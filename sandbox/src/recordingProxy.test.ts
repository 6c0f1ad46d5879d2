import {
  CreateVpcCommand,
  DescribeVpcsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import {
  CreateHostedZoneCommand,
  ListHostedZonesCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { emulatorClientConfig } from './clientConfig';
import { MotoServer, startMotoServer } from './motoServer';
import { RecordingProxy, startRecordingProxy } from './recordingProxy';

describe('startRecordingProxy', () => {
  let moto: MotoServer;
  let proxy: RecordingProxy;
  beforeAll(async () => {
    moto = await startMotoServer();
    proxy = await startRecordingProxy(moto.endpoint);
  }, 60_000);
  afterAll(async () => {
    await proxy?.stop();
    await moto?.stop();
  });

  it('forwards calls to the emulator and records them as reads or writes', async () => {
    const viaProxy = { endpoint: proxy.endpoint } as MotoServer;
    const ec2 = new EC2Client(emulatorClientConfig(viaProxy));
    const route53 = new Route53Client(
      emulatorClientConfig(viaProxy, 'us-east-1'),
    );

    const { Vpc } = await ec2.send(
      new CreateVpcCommand({ CidrBlock: '10.9.0.0/16' }),
    );
    const { Vpcs = [] } = await ec2.send(
      new DescribeVpcsCommand({ VpcIds: [Vpc!.VpcId!] }),
    );
    await route53.send(
      new CreateHostedZoneCommand({
        Name: 'example.org',
        CallerReference: 'x',
      }),
    );
    const { HostedZones = [] } = await route53.send(
      new ListHostedZonesCommand({}),
    );
    ec2.destroy();
    route53.destroy();

    expect(Vpcs.map(vpc => vpc.CidrBlock)).toEqual(['10.9.0.0/16']);
    expect(HostedZones.map(zone => zone.Name)).toEqual(['example.org.']);
    expect(proxy.calls()).toEqual([
      { service: 'ec2', operation: 'CreateVpc', write: true },
      { service: 'ec2', operation: 'DescribeVpcs', write: false },
      { service: 'route53', operation: 'CreateHostedZone', write: true },
      { service: 'route53', operation: 'ListHostedZones', write: false },
    ]);

    proxy.clear();
    expect(proxy.calls()).toEqual([]);
  });
});
