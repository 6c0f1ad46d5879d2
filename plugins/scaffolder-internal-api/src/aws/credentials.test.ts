import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import type { MotoServer } from '@internal/aws-sandbox';
import {
  emulatorAwsConfig,
  ORDERS_ACCOUNT,
  startEmulator,
} from '../__testUtils__/landscape';
import { createAccountCredentials, stsSessionName } from './credentials';

const ACCOUNT = ORDERS_ACCOUNT;

describe('createAccountCredentials against the emulator', () => {
  let moto: MotoServer;
  beforeAll(async () => {
    moto = await startEmulator();
  }, 60_000);
  afterAll(() => moto?.stop());

  const config = new ConfigReader({ aws: emulatorAwsConfig });

  async function callerArn(accountId: string, initiator?: string) {
    const credentials = createAccountCredentials({
      config,
      credentialsManager: DefaultAwsCredentialsManager.fromConfig(config),
      logger: mockServices.logger.mock(),
    });
    const sts = new STSClient({
      region: 'eu-west-1',
      maxAttempts: 1,
      credentials: await credentials.forAccount(accountId, initiator),
    });
    const { Arn } = await sts.send(new GetCallerIdentityCommand({}));
    sts.destroy();
    return Arn;
  }

  it("names the STS session after the task's initiator, so CloudTrail shows who asked", async () => {
    await expect(callerArn(ACCOUNT, 'user:default/jane.doe')).resolves.toBe(
      `arn:aws:sts::${ACCOUNT}:assumed-role/backstage-internal-api/backstage-jane.doe`,
    );
  });

  it("uses the integration's shared session when there is no initiator", async () => {
    await expect(callerArn(ACCOUNT)).resolves.toBe(
      `arn:aws:sts::${ACCOUNT}:assumed-role/backstage-internal-api/backstage`,
    );
  });
});

describe('createAccountCredentials when the role refuses the session name', () => {
  // The emulator never refuses AssumeRole, so the refusal is simulated: the main
  // account's credentials fail with AccessDenied, as STS does when a trust
  // policy pins session names.
  it("falls back to the integration's own session and says so", async () => {
    const denied = Object.assign(new Error('not allowed'), {
      name: 'AccessDenied',
    });
    const shared = { accessKeyId: 'shared', secretAccessKey: 'shared' };
    const logger = mockServices.logger.mock();
    const credentials = createAccountCredentials({
      config: new ConfigReader({
        aws: { accountDefaults: { roleName: 'backstage-internal-api' } },
      }),
      credentialsManager: {
        getCredentialProvider: async opts =>
          opts?.accountId
            ? {
                accountId: opts.accountId,
                sdkCredentialProvider: async () => shared,
              }
            : { sdkCredentialProvider: async () => Promise.reject(denied) },
      },
      logger,
    });

    const provider = await credentials.forAccount(
      ACCOUNT,
      'user:default/jane.doe',
    );
    await expect(provider()).resolves.toEqual(shared);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        "does not allow session name 'backstage-jane.doe'",
      ),
    );
  });
});

describe('stsSessionName', () => {
  it.each([
    ['user:default/jane.doe', 'backstage-jane.doe'],
    ['user:partners/ann', 'backstage-partners-ann'],
    ['user:default/o’brien', 'backstage-o-brien'],
    [`user:default/${'x'.repeat(80)}`, `backstage-${'x'.repeat(54)}`],
  ])('%s becomes %s', (ref, name) => {
    expect(stsSessionName(ref)).toBe(name);
  });
});
