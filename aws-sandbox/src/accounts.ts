import { EC2Client } from '@aws-sdk/client-ec2';
import { Route53Client } from '@aws-sdk/client-route-53';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { emulatorClientConfig } from './clientConfig';
import type { MotoServer } from './motoServer';

/**
 * SDK client settings whose calls land in `accountId`: moto keeps separate state
 * per account and switches to the account of any role assumed into it.
 * Call again after `server.reset()`, which forgets assumed-role keys.
 */
export async function accountClientConfig(
  server: MotoServer,
  accountId: string,
  region = 'eu-west-1',
) {
  const sts = new STSClient(emulatorClientConfig(server, region));
  try {
    const { Credentials } = await sts.send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${accountId}:role/sandbox-admin`,
        RoleSessionName: 'sandbox',
      }),
    );
    return {
      ...emulatorClientConfig(server, region),
      credentials: {
        accessKeyId: Credentials!.AccessKeyId!,
        secretAccessKey: Credentials!.SecretAccessKey!,
        sessionToken: Credentials!.SessionToken!,
      },
    };
  } finally {
    sts.destroy();
  }
}

/** An EC2 client in `accountId`; destroy it when done. */
export async function ec2In(
  server: MotoServer,
  accountId: string,
  region = 'eu-west-1',
) {
  return new EC2Client(await accountClientConfig(server, accountId, region));
}

/** A Route 53 client in `accountId` (a global service: us-east-1); destroy it when done. */
export async function route53In(server: MotoServer, accountId: string) {
  return new Route53Client({
    ...(await accountClientConfig(server, accountId)),
    region: 'us-east-1',
  });
}
