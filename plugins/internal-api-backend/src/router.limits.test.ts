import {
  MotoServer,
  RecordingProxy,
  SANDBOX_ACCOUNTS,
  SANDBOX_GROUPS,
  seedLandscape,
  startMotoServer,
  startRecordingProxy,
} from '@internal/aws-sandbox';
import { startLookupServer } from './__testUtils__/lookupServer';

/**
 * Each user's lookups are bounded: the calls that reach AWS are counted by a
 * recording proxy in front of moto, and the limits run on a clock the test moves.
 */
describe('the lookups bound how often one user makes them ask AWS', () => {
  const limits = { burst: 3, refillMs: 10_000, cacheTtlMs: 20_000 };
  let clock = 1_000_000;
  let moto: MotoServer;
  let proxy: RecordingProxy;
  let server: Awaited<ReturnType<typeof startLookupServer>>;

  beforeAll(async () => {
    moto = await startMotoServer();
    const landscape = await seedLandscape(moto);
    proxy = await startRecordingProxy(moto.endpoint);
    process.env.AWS_ENDPOINT_URL = proxy.endpoint;
    server = await startLookupServer({
      config: landscape.config,
      limits,
      now: () => clock,
      // Everyone here is in the team that owns the Orders account the lookups read.
      memberOf: () => [SANDBOX_GROUPS.orders],
    });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await proxy?.stop();
    await moto?.stop();
  });

  /** A preview of the Orders private subnets; each `variant` is a distinct request with the same answer. */
  const preview = (user: string, variant = 'private') =>
    server.call(
      '/placement/preview',
      {
        accountId: SANDBOX_ACCOUNTS.orders,
        region: 'eu-west-1',
        subnetFilters: [{ name: 'tag:Tier', values: ['private', variant] }],
      },
      user,
    );
  // Sorted: a preview sends its reads at once.
  const ec2Calls = () =>
    proxy
      .calls()
      .filter(call => call.service === 'ec2')
      .map(call => call.operation)
      .sort();
  const previewCalls = [
    'DescribeVpcs',
    'DescribeSubnets',
    'DescribeRouteTables',
    'DescribeTransitGatewayVpcAttachments',
    'DescribeSubnets',
  ].sort();

  it('answers the distinct preview after the burst with 429 and Retry-After, asking AWS nothing; others are unaffected', async () => {
    const alice = 'user:default/alice';
    for (const variant of ['v1', 'v2', 'v3']) {
      await expect(preview(alice, variant)).resolves.toMatchObject({
        status: 200,
        body: { problems: [] },
      });
    }
    proxy.clear();

    const limited = await preview(alice, 'v4');
    expect(limited).toMatchObject({
      status: 429,
      retryAfter: '10',
      body: {
        error: {
          name: 'TooManyLookupsError',
          message:
            'You asked for more AWS lookups than the backend allows one person (3 at once, then one every 10 s). ' +
            'Wait 10 s, then change a field to look again.',
        },
      },
    });
    expect(proxy.calls()).toEqual([]);

    await expect(preview('user:default/bob', 'v4')).resolves.toMatchObject({
      status: 200,
    });
    expect(ec2Calls()).toEqual(previewCalls);

    // One lookup comes back per refill period.
    clock += limits.refillMs;
    await expect(preview(alice, 'v4')).resolves.toMatchObject({ status: 200 });
    await expect(preview(alice, 'v5')).resolves.toMatchObject({ status: 429 });
  });

  it('answers identical previews from memory within the TTL, without AWS calls or using up lookups', async () => {
    const carol = 'user:default/carol';
    const first = await preview(carol);
    expect(first.status).toBe(200);
    proxy.clear();

    for (let i = 0; i < limits.burst + 2; i++) {
      await expect(preview(carol)).resolves.toEqual(first);
    }
    expect(proxy.calls()).toEqual([]);

    // Memory is per user: another user's identical preview asks AWS.
    await expect(preview('user:default/dave')).resolves.toMatchObject({
      status: 200,
    });
    expect(ec2Calls()).toEqual(previewCalls);
    proxy.clear();

    clock += limits.cacheTtlMs;
    await expect(preview(carol)).resolves.toEqual(first);
    expect(ec2Calls()).toEqual(previewCalls);
  });

  it('bounds the consumer and domain lookups too', async () => {
    const erin = 'user:default/erin';
    const check = (domainName: string) =>
      server.call(
        '/domain/check',
        { domainName, accountId: SANDBOX_ACCOUNTS.orders },
        erin,
      );
    await expect(
      server.call('/consumers', undefined, erin),
    ).resolves.toMatchObject({
      status: 200,
    });
    await expect(check('a.acme.com')).resolves.toMatchObject({ status: 200 });
    await expect(check('b.acme.com')).resolves.toMatchObject({ status: 200 });
    proxy.clear();
    await expect(check('c.acme.com')).resolves.toMatchObject({ status: 429 });
    await expect(
      server.call('/consumers', undefined, erin),
    ).resolves.toMatchObject({
      status: 200,
    });
    expect(proxy.calls()).toEqual([]);
    // Lookups that make no AWS call are not bounded.
    await expect(
      server.call('/accounts', undefined, erin),
    ).resolves.toMatchObject({
      status: 200,
    });
  });
});
