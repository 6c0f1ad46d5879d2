import http from 'node:http';
import type { AddressInfo } from 'node:net';
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
import { accountClientConfig } from './accounts';
import { emulatorClientConfig } from './clientConfig';
import { MotoServer, startMotoServer } from './motoServer';
import { RecordingProxy, startRecordingProxy } from './recordingProxy';
import { SANDBOX_MAIN_PRINCIPAL } from './requestLog';

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

  // The emulator's first EC2 call builds its region state: seconds on a loaded machine.
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
  }, 30_000);

  it('logs each request as IAM sees it: the role session that signed it, the region, its parameters and status', async () => {
    const viaProxy = { endpoint: proxy.endpoint } as MotoServer;
    const before = proxy.requests().length;
    // The keys come from an AssumeRole through the proxy, as the backend's do.
    const assumed = await accountClientConfig(viaProxy, '777788889999');
    const ec2 = new EC2Client(assumed);
    const route53 = new Route53Client({ ...assumed, region: 'us-east-1' });
    await ec2.send(
      new DescribeVpcsCommand({
        Filters: [{ Name: 'vpc-id', Values: ['vpc-0'] }],
      }),
    );
    await route53
      .send(new ListHostedZonesCommand({ MaxItems: 1 }))
      .catch(() => undefined);
    proxy.clear();
    ec2.destroy();
    route53.destroy();

    const logged = proxy.requests().slice(before);
    expect(logged.map(request => request.operation)).toEqual([
      'AssumeRole',
      'DescribeVpcs',
      'ListHostedZones',
    ]);
    const [assumeRole, describe, listZones] = logged;
    expect(assumeRole).toMatchObject({
      service: 'sts',
      principalArn: SANDBOX_MAIN_PRINCIPAL,
      accountId: '123456789012',
      params: {
        RoleArn: 'arn:aws:iam::777788889999:role/sandbox-admin',
        RoleSessionName: 'sandbox',
      },
      status: 200,
    });
    expect(describe).toMatchObject({
      accountId: '777788889999',
      principalArn:
        'arn:aws:sts::777788889999:assumed-role/sandbox-admin/sandbox',
      region: 'eu-west-1',
      params: { Action: 'DescribeVpcs', 'Filter.1.Name': 'vpc-id' },
      status: 200,
    });
    expect(listZones).toMatchObject({
      accountId: '777788889999',
      region: 'us-east-1',
      method: 'GET',
      path: '/2013-04-01/hostedzone',
      params: { maxitems: '1' },
      status: 200,
    });
  }, 30_000);

  it('tells entrances apart, and holds a call until released even when its caller is gone', async () => {
    proxy.clear();
    const replica = await proxy.entrance('replica-b');
    const ec2Via = (endpoint: string) =>
      new EC2Client({
        ...emulatorClientConfig({ endpoint } as MotoServer),
        maxAttempts: 1,
      });
    const main = ec2Via(proxy.endpoint);
    const other = ec2Via(replica);
    const held = proxy.hold(call => call.operation === 'CreateVpc');
    const abort = new AbortController();
    const create = other
      .send(new CreateVpcCommand({ CidrBlock: '10.77.0.0/16' }), {
        abortSignal: abort.signal,
      })
      .catch(error => error);
    const { call, via, release } = await held;
    // The caller gives up (as a killed process would) while the write is held.
    abort.abort();
    expect(await create).toBeInstanceOf(Error);
    const cidrs = async () =>
      (await main.send(new DescribeVpcsCommand({}))).Vpcs!.map(
        vpc => vpc.CidrBlock,
      );
    expect(await cidrs()).not.toContain('10.77.0.0/16');
    release();
    // The held write reaches the emulator after all.
    for (let tries = 0; !(await cidrs()).includes('10.77.0.0/16'); tries++) {
      expect(tries).toBeLessThan(50);
      await new Promise(resolve => setTimeout(resolve, 100));
    }
    main.destroy();
    other.destroy();

    expect({ call, via }).toEqual({
      call: { service: 'ec2', operation: 'CreateVpc', write: true },
      via: 'replica-b',
    });
    expect(proxy.calls('replica-b')).toEqual([call]);
    expect(proxy.calls('main').every(c => c.operation === 'DescribeVpcs')).toBe(
      true,
    );
  }, 30_000);

  it('forwards only to the emulator: absolute and protocol-relative targets are refused', async () => {
    const hits: string[] = [];
    const elsewhere = http.createServer((request, response) => {
      hits.push(request.url!);
      response.end('secret');
    });
    await new Promise<void>(resolve =>
      elsewhere.listen(0, '127.0.0.1', resolve),
    );
    const { port } = elsewhere.address() as AddressInfo;
    const proxyUrl = new URL(proxy.endpoint);
    // A raw request line, as a client using the proxy as a forward proxy sends it.
    const send = (requestTarget: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const request = http.request(
          {
            host: proxyUrl.hostname,
            port: proxyUrl.port,
            path: requestTarget,
          },
          response => {
            let body = '';
            response.on('data', chunk => {
              body += chunk;
            });
            response.on('end', () =>
              resolve({ status: response.statusCode!, body }),
            );
          },
        );
        request.on('error', reject);
        request.end();
      });

    try {
      const absolute = await send(`http://127.0.0.1:${port}/secret`);
      const protocolRelative = await send(`//127.0.0.1:${port}/secret`);

      expect(absolute.status).toBe(400);
      expect(absolute.body).toMatch(/forwards only to the emulator/);
      expect(protocolRelative.status).toBe(400);
      expect(hits).toEqual([]);
    } finally {
      elsewhere.close();
    }
  });
});
