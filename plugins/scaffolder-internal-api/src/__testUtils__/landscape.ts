import type { LoggerService } from '@backstage/backend-plugin-api';
import { EC2Client } from '@aws-sdk/client-ec2';
import { Route53Client } from '@aws-sdk/client-route-53';
import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import {
  accountClientConfig,
  createVpcWithSubnets,
  MotoServer,
  startMotoServer,
} from '@internal/aws-sandbox';
import { AwsClients, createAwsClients } from '../aws/clients';
import { createAccountCredentials } from '../aws/credentials';
import { readInternalApiConfig } from '../config';

export const ORDERS_ACCOUNT = '444455556666';
export const PAYMENTS_ACCOUNT = '555566667777';
export const REGION = 'eu-west-1';

/**
 * The `aws` block every test uses: plain keys for the emulator's main account,
 * and a role to assume in every other account, as production would configure.
 */
export const emulatorAwsConfig = {
  mainAccount: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  accountDefaults: { roleName: 'backstage-internal-api', region: REGION },
};

/** Starts moto and points the SDK (STS inside credential providers too) at it. */
export async function startEmulator() {
  const moto = await startMotoServer();
  process.env.AWS_ENDPOINT_URL = moto.endpoint;
  process.env.AWS_REGION = REGION;
  return moto;
}

/**
 * Two workload accounts in the emulator, each reached by assuming a role:
 * - Orders: a private subnet (own route table) in each of three zones, and two
 *   public subnets on the main route table.
 * - Payments: two private subnets in eu-west-1a and one in eu-west-1b, the
 *   layout the CDK pattern trips over.
 */
export async function startPlacementLandscape() {
  const moto = await startEmulator();

  const orders = await createVpcWithSubnets(await ec2In(moto, ORDERS_ACCOUNT), {
    cidr: '10.10.0.0/16',
    subnets: [
      {
        availabilityZone: 'eu-west-1c',
        cidr: '10.10.3.0/24',
        tags: { Tier: 'private' },
        ownRouteTable: true,
      },
      {
        availabilityZone: 'eu-west-1a',
        cidr: '10.10.1.0/24',
        tags: { Tier: 'private' },
        ownRouteTable: true,
      },
      {
        availabilityZone: 'eu-west-1b',
        cidr: '10.10.2.0/24',
        tags: { Tier: 'private' },
        ownRouteTable: true,
      },
      {
        availabilityZone: 'eu-west-1a',
        cidr: '10.10.101.0/24',
        tags: { Tier: 'public' },
      },
      {
        availabilityZone: 'eu-west-1b',
        cidr: '10.10.102.0/24',
        tags: { Tier: 'public' },
      },
    ],
  });
  const payments = await createVpcWithSubnets(
    await ec2In(moto, PAYMENTS_ACCOUNT),
    {
      cidr: '10.20.0.0/16',
      subnets: [
        {
          availabilityZone: 'eu-west-1a',
          cidr: '10.20.1.0/24',
          tags: { Tier: 'private' },
        },
        {
          availabilityZone: 'eu-west-1a',
          cidr: '10.20.2.0/24',
          tags: { Tier: 'private' },
        },
        {
          availabilityZone: 'eu-west-1b',
          cidr: '10.20.3.0/24',
          tags: { Tier: 'private' },
        },
      ],
    },
  );

  const config = new ConfigReader({
    aws: emulatorAwsConfig,
    internalApi: {
      workloadAccounts: [
        {
          accountId: ORDERS_ACCOUNT,
          title: 'Orders (prod)',
          region: REGION,
          vpcId: orders.vpcId,
        },
        {
          accountId: PAYMENTS_ACCOUNT,
          title: 'Payments (prod)',
          region: REGION,
          vpcId: payments.vpcId,
        },
      ],
    },
  });

  return {
    moto,
    orders,
    payments,
    config,
    internalApi: readInternalApiConfig(config),
  };
}

export async function ec2In(moto: MotoServer, accountId: string) {
  return new EC2Client(await accountClientConfig(moto, accountId, REGION));
}

/** A call the test wants to fail, as AWS would, e.g. the third write. */
export type FailCall = (
  commandName: string,
  callIndex: number,
) => Error | undefined;

/**
 * The module's AWS access, built as module.ts builds it, recording every call
 * (command names, in order) and optionally failing chosen ones.
 */
export function countingAwsClients(
  config: ConfigReader,
  failCall?: FailCall,
  // Outside jest (the benchmarks) pass a logger: the mock one needs jest.
  logger: LoggerService = mockServices.logger.mock(),
) {
  const calls: string[] = [];
  const clients = createAwsClients({
    credentials: createAccountCredentials({
      config,
      credentialsManager: DefaultAwsCredentialsManager.fromConfig(config),
      logger,
    }),
    clientConfig: { maxAttempts: 1 },
  });
  const record = <C extends EC2Client | Route53Client>(client: C): C => {
    (client.middlewareStack as EC2Client['middlewareStack']).add(
      (next, context) => async args => {
        const failure = failCall?.(context.commandName!, calls.length);
        calls.push(context.commandName!);
        if (failure) {
          throw failure;
        }
        return next(args);
      },
      { step: 'initialize', name: 'recordCalls' },
    );
    return client;
  };
  const aws: AwsClients = {
    ec2: async (location, initiator) =>
      record(await clients.ec2(location, initiator)),
    route53: async (accountId, initiator) =>
      record(await clients.route53(accountId, initiator)),
  };
  return { aws, calls };
}

/** The calls that change AWS, as opposed to describe/list/get. */
export const writesIn = (calls: string[]) =>
  calls.filter(name => !/^(Describe|List|Get|Search)/.test(name));
