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
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { countAwsCalls } from './awsCalls';
import { emulatorClientConfig } from './clientConfig';
import { MotoServer, startMotoServer } from './motoServer';
import { RecordingProxy, startRecordingProxy } from './recordingProxy';

describe('countAwsCalls', () => {
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
  beforeEach(() => moto.reset());

  const vpcCidrs = async (ec2: EC2Client) => {
    const { Vpcs = [] } = await ec2.send(new DescribeVpcsCommand({}));
    return Vpcs.filter(vpc => !vpc.IsDefault)
      .map(vpc => vpc.CidrBlock)
      .sort();
  };

  // The emulator's first EC2 call builds its region state: seconds on a loaded machine.
  it('records what the recording proxy records for the same calls', async () => {
    const counter = countAwsCalls();
    // Through the proxy, so both ways of counting see the very same calls.
    const viaProxy = { endpoint: proxy.endpoint } as MotoServer;
    const ec2 = counter.onClient(new EC2Client(emulatorClientConfig(viaProxy)));
    const route53 = counter.onClient(
      new Route53Client(emulatorClientConfig(viaProxy, 'us-east-1')),
    );
    const sts = counter.onClient(new STSClient(emulatorClientConfig(viaProxy)));
    proxy.clear();

    await ec2.send(new CreateVpcCommand({ CidrBlock: '10.9.0.0/16' }));
    await ec2.send(new DescribeVpcsCommand({}));
    await route53.send(
      new CreateHostedZoneCommand({
        Name: 'example.org',
        CallerReference: 'x',
      }),
    );
    await route53.send(new ListHostedZonesCommand({}));
    await sts.send(
      new AssumeRoleCommand({
        RoleArn: 'arn:aws:iam::111122223333:role/any',
        RoleSessionName: 'test',
      }),
    );
    for (const client of [ec2, route53, sts]) {
      client.destroy();
    }

    expect(counter.calls).toEqual([
      { service: 'ec2', operation: 'CreateVpc', write: true },
      { service: 'ec2', operation: 'DescribeVpcs', write: false },
      { service: 'route53', operation: 'CreateHostedZone', write: true },
      { service: 'route53', operation: 'ListHostedZones', write: false },
      { service: 'sts', operation: 'AssumeRole', write: false },
    ]);
    expect(counter.calls).toEqual(proxy.calls());
    expect(counter.writes().map(call => call.operation)).toEqual([
      'CreateVpc',
      'CreateHostedZone',
    ]);
  }, 30_000);

  it('fails the call a test chooses, before it reaches AWS, and still counts it', async () => {
    const limit = Object.assign(new Error('VPC limit exceeded'), {
      name: 'VpcLimitExceeded',
    });
    const seen: [string, number][] = [];
    let writes = 0;
    const counter = countAwsCalls({
      failCall: (call, index) => {
        seen.push([call.operation, index]);
        return call.write && ++writes === 3 ? limit : undefined;
      },
    });
    const ec2 = counter.onClient(new EC2Client(emulatorClientConfig(moto)));

    await ec2.send(new DescribeVpcsCommand({}));
    await ec2.send(new CreateVpcCommand({ CidrBlock: '10.1.0.0/16' }));
    await ec2.send(new CreateVpcCommand({ CidrBlock: '10.2.0.0/16' }));
    await expect(
      ec2.send(new CreateVpcCommand({ CidrBlock: '10.3.0.0/16' })),
    ).rejects.toBe(limit);
    await ec2.send(new CreateVpcCommand({ CidrBlock: '10.4.0.0/16' }));

    expect(seen).toEqual([
      ['DescribeVpcs', 0],
      ['CreateVpc', 1],
      ['CreateVpc', 2],
      ['CreateVpc', 3],
      ['CreateVpc', 4],
    ]);
    expect(counter.writes()).toHaveLength(4);
    // The failed write never reached the emulator.
    const plain = new EC2Client(emulatorClientConfig(moto));
    await expect(vpcCidrs(plain)).resolves.toEqual([
      '10.1.0.0/16',
      '10.2.0.0/16',
      '10.4.0.0/16',
    ]);
    plain.destroy();
    ec2.destroy();
  });

  it('counts a client once however often it is handed over, and forgets on clear', async () => {
    const first = countAwsCalls();
    const second = countAwsCalls();
    const ec2 = new EC2Client(emulatorClientConfig(moto));
    first.onClient(ec2);
    first.onClient(ec2);
    second.onClient(ec2);

    await ec2.send(new DescribeVpcsCommand({}));
    ec2.destroy();

    expect(first.calls).toHaveLength(1);
    expect(second.calls).toHaveLength(1);
    first.clear();
    expect(first.calls).toEqual([]);
    expect(second.calls).toHaveLength(1);
  });
});
