import {
  CreateVpcCommand,
  DescribeVpcsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import os from 'node:os';
import path from 'node:path';
import { emulatorClientConfig } from './clientConfig';
import {
  findOrInstallMotoServer,
  MotoServer,
  startMotoServer,
} from './motoServer';

describe('startMotoServer', () => {
  let server: MotoServer;
  let ec2: EC2Client;

  beforeAll(async () => {
    server = await startMotoServer();
    ec2 = new EC2Client(emulatorClientConfig(server));
  }, 60_000);

  afterAll(async () => {
    ec2?.destroy();
    await server?.stop();
  });

  it('serves a stateful EC2 API on a loopback port', async () => {
    expect(server.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const { Vpc } = await ec2.send(
      new CreateVpcCommand({ CidrBlock: '10.42.0.0/16' }),
    );
    const { Vpcs } = await ec2.send(
      new DescribeVpcsCommand({ VpcIds: [Vpc!.VpcId!] }),
    );

    expect(Vpcs).toEqual([
      expect.objectContaining({ VpcId: Vpc!.VpcId, CidrBlock: '10.42.0.0/16' }),
    ]);
  });

  it('forgets everything on reset', async () => {
    const { Vpc } = await ec2.send(
      new CreateVpcCommand({ CidrBlock: '10.43.0.0/16' }),
    );
    await server.reset();

    const { Vpcs } = await ec2.send(new DescribeVpcsCommand({}));
    expect(Vpcs?.map(vpc => vpc.VpcId)).not.toContain(Vpc!.VpcId);
  });

  it('gives each caller its own server', async () => {
    const other = await startMotoServer();
    try {
      expect(other.port).not.toBe(server.port);
    } finally {
      await other.stop();
    }
    await expect(fetch(`${other.endpoint}/moto-api/`)).rejects.toThrow();
  }, 60_000);
});

describe('findOrInstallMotoServer', () => {
  it('says how to install moto when it is missing and auto-install is off', () => {
    const originalPath = process.env.PATH;
    process.env.PATH = '';
    try {
      expect(() =>
        findOrInstallMotoServer({
          autoInstall: false,
          virtualenvDir: path.join(os.tmpdir(), 'no-such-moto-venv'),
        }),
      ).toThrow(
        /moto_server was not found on PATH.*pip install 'moto\[server\]==5\.2\.1'/s,
      );
    } finally {
      process.env.PATH = originalPath;
    }
  });
});
