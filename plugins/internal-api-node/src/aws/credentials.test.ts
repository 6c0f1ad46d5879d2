import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import {
  type Sandbox,
  SANDBOX_ACCOUNTS,
  startSandbox,
} from '@internal/aws-sandbox';
import {
  cachedUntilExpiry,
  createAccountCredentials,
  stsSessionName,
} from './credentials';

const ACCOUNT = SANDBOX_ACCOUNTS.orders;

describe('createAccountCredentials against the emulator', () => {
  // The sandbox reaches every account by assuming a role from the main account's keys.
  let sandbox: Sandbox;
  let config: ConfigReader;
  beforeAll(async () => {
    sandbox = await startSandbox();
    config = new ConfigReader({ aws: sandbox.landscape.config.aws });
  }, 60_000);
  afterAll(() => sandbox?.stop());

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
      `arn:aws:sts::${ACCOUNT}:assumed-role/backstage-internal-api/backstage-default.jane.doe-d410da1e`,
    );
  });

  it('assumes the role once for many clients, not once per client', async () => {
    const credentials = createAccountCredentials({
      config,
      credentialsManager: DefaultAwsCredentialsManager.fromConfig(config),
      logger: mockServices.logger.mock(),
    });
    sandbox.proxy.clear();
    for (let i = 0; i < 3; i++) {
      const provider = await credentials.forAccount(
        ACCOUNT,
        'user:default/sam',
      );
      await provider();
    }
    expect(
      sandbox.proxy.calls().filter(call => call.operation === 'AssumeRole'),
    ).toHaveLength(1);
  });

  it.each([
    ['named after the initiator', 'user:default/sam'],
    ["the integration's shared session", undefined],
  ])(
    'assumes the role once when clients for one account ask at once (%s)',
    async (_session, initiator) => {
      const credentials = createAccountCredentials({
        config,
        credentialsManager: DefaultAwsCredentialsManager.fromConfig(config),
        logger: mockServices.logger.mock(),
      });
      sandbox.proxy.clear();
      // As a plan's reads in one account open their clients (EC2, Route 53) together.
      const providers = await Promise.all(
        [1, 2, 3].map(() => credentials.forAccount(ACCOUNT, initiator)),
      );
      await Promise.all(providers.map(provider => provider()));
      await (
        await credentials.forAccount(ACCOUNT, initiator)
      )();
      expect(
        sandbox.proxy.calls().filter(call => call.operation === 'AssumeRole'),
      ).toHaveLength(1);
    },
  );

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
        "does not allow session name 'backstage-default.jane.doe-d410da1e'",
      ),
    );
  });
});

describe('cachedUntilExpiry', () => {
  const session = (minutesLeft: number) => ({
    accessKeyId: `AKIA${minutesLeft}`,
    secretAccessKey: 'secret',
    expiration: new Date(Date.now() + minutesLeft * 60_000),
  });

  it('asks again only when the session is within 5 minutes of expiry, when forced, or after a failure', async () => {
    const answers = [
      Promise.reject(new Error('throttled')),
      Promise.resolve(session(60)),
      Promise.resolve(session(4)),
      Promise.resolve(session(60)),
    ];
    answers[0].catch(() => {});
    const provider = jest.fn(() => answers.shift()!);
    const cached = cachedUntilExpiry(provider);

    await expect(cached()).rejects.toThrow('throttled');
    expect((await cached()).accessKeyId).toBe('AKIA60');
    expect((await cached()).accessKeyId).toBe('AKIA60');
    expect(provider).toHaveBeenCalledTimes(2);
    expect((await cached({ forceRefresh: true })).accessKeyId).toBe('AKIA4');
    // 4 minutes left: refreshed on the next call.
    expect((await cached()).accessKeyId).toBe('AKIA60');
    expect(provider).toHaveBeenCalledTimes(4);
  });
});

describe('stsSessionName', () => {
  // STS RoleSessionName: 2-64 characters of [\w+=,.@-].
  const STS_SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
  // Two 100-character refs that share their first 99.
  const longA = `user:default/${'x'.repeat(86)}a`;
  const longB = `user:default/${'x'.repeat(86)}b`;

  it.each([
    ['user:default/jane.doe', 'backstage-default.jane.doe-d410da1e'],
    ['user:partners/ann', 'backstage-partners.ann-3ca2ad7f'],
    ['user:default/o’brien', 'backstage-default.o-brien-9c22ded6'],
  ])('%s becomes %s', (ref, name) => {
    expect(stsSessionName(ref)).toBe(name);
  });

  it('keeps refs that read alike apart: the namespace stays and a hash of the full ref follows', () => {
    expect(stsSessionName('user:other/b')).not.toBe(
      stsSessionName('user:default/other-b'),
    );
  });

  it('cuts the readable part of a long ref, never the hash, so long refs sharing a prefix stay apart', () => {
    expect(longA).toHaveLength(100);
    expect(longA.slice(0, 64)).toBe(longB.slice(0, 64));
    const [a, b] = [stsSessionName(longA), stsSessionName(longB)];
    expect(a).toHaveLength(64);
    expect(a).toMatch(/^backstage-default\.x+-[0-9a-f]{8}$/);
    expect(a).not.toBe(b);
  });

  it.each([
    ['a plain ref', 'user:default/jane.doe'],
    ['characters STS refuses', 'user:default/名前 with spaces/and:colons'],
    ['one-letter names', 'user:a/b'],
    ['a 100-character ref', longA],
    ['a 600-character ref', `user:${'n'.repeat(300)}/${'m'.repeat(300)}`],
  ])('gives %s a name STS accepts, the same every time', (_case, ref) => {
    expect(stsSessionName(ref)).toMatch(STS_SESSION_NAME);
    expect(stsSessionName(ref)).toBe(stsSessionName(ref));
  });
});
