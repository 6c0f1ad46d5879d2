import {
  ChangeResourceRecordSetsCommand,
  CreateHostedZoneCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  accountClientConfig,
  backendApi,
  findFreeLoopbackPort,
  MotoServer,
  SANDBOX_ACCOUNTS,
  SANDBOX_GROUPS,
  SandboxLandscape,
  seedLandscape,
  startMotoServer,
} from '@internal/aws-sandbox';
import { userInfoFromMembership } from './__testUtils__/permissionServices';
import { internalApiPlugin } from './plugin';

/**
 * The plugin in a real backend, reading the sandbox landscape in moto, asked
 * by platform admins, who may use every account and consumer (what each team
 * sees is router.access.test.ts's).
 */
describe('the internal-api lookups', () => {
  let moto: MotoServer;
  let landscape: SandboxLandscape;
  let backend: TestBackend;

  beforeAll(async () => {
    moto = await startMotoServer();
    process.env.AWS_ENDPOINT_URL = moto.endpoint;
    landscape = await seedLandscape(moto);
    backend = await startTestBackend({
      features: [
        internalApiPlugin,
        mockServices.rootConfig.factory({ data: landscape.config }),
        catalogServiceMock.factory(),
        userInfoFromMembership({
          [mockCredentials.user().principal.userEntityRef]: [
            SANDBOX_GROUPS.platformAdmins,
          ],
          'user:default/unlucky': [SANDBOX_GROUPS.platformAdmins],
        }),
      ],
    });
  }, 120_000);
  afterAll(async () => {
    await backend?.stop();
    await moto?.stop();
  });

  const call = async (
    route: string,
    body?: object,
    authorization = mockCredentials.user.header(),
  ) => {
    const response = await backendApi(
      `http://localhost:${backend.server.port()}/api/internal-api`,
      authorization,
    ).call(body ? 'POST' : 'GET', route, body);
    return { status: response.status, body: response.body };
  };

  it('lists the workload accounts by title, for signed-in users only', async () => {
    await expect(call('/accounts')).resolves.toEqual({
      status: 200,
      body: {
        items: [
          {
            accountId: SANDBOX_ACCOUNTS.orders,
            title: 'Orders (sandbox)',
            region: 'eu-west-1',
            vpcId: landscape.vpcs.orders.vpcId,
          },
          {
            accountId: SANDBOX_ACCOUNTS.payments,
            title: 'Payments (sandbox)',
            region: 'eu-west-1',
            vpcId: landscape.vpcs.payments.vpcId,
          },
        ],
      },
    });
    await expect(
      call('/accounts', undefined, mockCredentials.none.header()),
    ).resolves.toMatchObject({ status: 401 });
    await expect(
      call('/accounts', undefined, mockCredentials.service.header()),
    ).resolves.toMatchObject({ status: 403 });
  });

  it('lists the parent domains a name can be delegated from', async () => {
    await expect(call('/parent-domains')).resolves.toEqual({
      status: 200,
      body: { items: ['acme.com'] },
    });
  });

  it('lists the consumer networks with the CIDRs read from their accounts', async () => {
    const { status, body } = await call('/consumers');
    expect(status).toBe(200);
    expect(
      body.items.map((c: { name: string; cidr: string }) => [c.name, c.cidr]),
    ).toEqual([
      ['customer-api', '10.40.0.0/16'],
      ['partner-api', '10.50.0.0/16'],
    ]);
  });

  it('previews the subnets the filters match, by zone', async () => {
    const { status, body } = await call('/placement/preview', {
      accountId: SANDBOX_ACCOUNTS.orders,
      region: 'eu-west-1',
      subnetFilters: [{ name: 'tag:Tier', values: ['private'] }],
    });
    expect(status).toBe(200);
    expect(body.problems).toEqual([]);
    expect(body.vpcCidr).toBe('10.10.0.0/16');
    // No default route in the sandbox's Orders VPC: the form's image field needs to know.
    expect(body.egressRoute).toBe(false);
    expect(
      body.zones.map((zone: { availabilityZone: string; subnets: any[] }) => [
        zone.availabilityZone,
        zone.subnets.map(subnet => subnet.cidr),
      ]),
    ).toEqual([
      ['eu-west-1a', ['10.10.1.0/24']],
      ['eu-west-1b', ['10.10.2.0/24']],
      ['eu-west-1c', ['10.10.3.0/24']],
    ]);
  });

  it('shows the two subnets in one zone with the problem the action would refuse', async () => {
    const { body } = await call('/placement/preview', {
      accountId: SANDBOX_ACCOUNTS.payments,
      region: 'eu-west-1',
      subnetFilters: [{ name: 'tag:Tier', values: ['private'] }],
    });
    expect(body.zones[0].subnets).toHaveLength(2);
    expect(body.problems).toEqual([
      expect.stringMatching(
        /^subnetFilters match more than one subnet in an Availability Zone \(eu-west-1a: subnet-/,
      ),
    ]);
  });

  it.each([
    [
      'a missing account',
      { region: 'eu-west-1', subnetFilters: [] },
      /^accountId is required$/,
    ],
    [
      'an account id that is not 12 digits',
      { accountId: '4444', region: 'eu-west-1', subnetFilters: [] },
      /^accountId: must be a 12-digit AWS account id$/,
    ],
    [
      'filters that are not name and values',
      {
        accountId: SANDBOX_ACCOUNTS.orders,
        region: 'eu-west-1',
        subnetFilters: [{ name: 'tag:Tier', values: 'private' }],
      },
      /^subnetFilters\[0\]\.values: Expected array, received string$/,
    ],
    [
      'an account that is not configured',
      { accountId: '123456789012', region: 'eu-west-1', subnetFilters: [] },
      /123456789012.*444455556666/,
    ],
    [
      'a filter that DescribeSubnets does not know',
      {
        accountId: SANDBOX_ACCOUNTS.orders,
        region: 'eu-west-1',
        subnetFilters: [{ name: 'tier', values: ['private'] }],
      },
      /name 'tier' is not a DescribeSubnets filter/,
    ],
  ])('answers %s with the problem', async (_, values, message) => {
    const { status, body } = await call('/placement/preview', values);
    expect(status).toBe(200);
    expect(body.problems).toEqual([expect.stringMatching(message)]);
  });

  it('checks a domain: delegable, outside every parent, or delegated elsewhere', async () => {
    const check = (domainName: string) =>
      call('/domain/check', { domainName, accountId: SANDBOX_ACCOUNTS.orders });

    await expect(check('orders.api.acme.com')).resolves.toMatchObject({
      status: 200,
      body: {
        domainName: 'orders.api.acme.com',
        parentDomain: 'acme.com',
        problems: [],
        changes: [
          expect.objectContaining({ change: 'create-zone', status: 'planned' }),
          expect.objectContaining({ change: 'delegate', status: 'planned' }),
        ],
      },
    });
    await expect(check('orders.example.org')).resolves.toMatchObject({
      body: {
        problems: [
          expect.stringMatching(
            /'orders\.example\.org' is not under an allowed parent domain: acme\.com/,
          ),
        ],
      },
    });

    // Someone else already delegated billing.acme.com to other name servers.
    const parent = landscape.config.internalApi.parentZones[0];
    const route53 = new Route53Client({
      ...(await accountClientConfig(moto, SANDBOX_ACCOUNTS.dns)),
      region: 'us-east-1',
    });
    await route53.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: parent.hostedZoneId,
        ChangeBatch: {
          Changes: [
            {
              Action: 'CREATE',
              ResourceRecordSet: {
                Name: 'billing.acme.com',
                Type: 'NS',
                TTL: 300,
                ResourceRecords: [{ Value: 'ns1.elsewhere.example' }],
              },
            },
          ],
        },
      }),
    );
    route53.destroy();
    const { body } = await check('billing.acme.com');
    expect(body.problems).toEqual([
      expect.stringMatching(/billing\.acme\.com/),
    ]);
    expect(body.problems[0]).toMatch(/ns1\.elsewhere\.example/);
  });

  it("checks a domain whose zone another API created: refused with the form's name, reported without one", async () => {
    const orders = new Route53Client({
      ...(await accountClientConfig(moto, SANDBOX_ACCOUNTS.orders)),
      region: 'us-east-1',
    });
    const { HostedZone } = await orders.send(
      new CreateHostedZoneCommand({
        Name: 'taken.acme.com',
        CallerReference: 'internal-api/orders-api/earlier-task',
      }),
    );
    orders.destroy();
    const check = (apiName?: string) =>
      call('/domain/check', {
        domainName: 'taken.acme.com',
        accountId: SANDBOX_ACCOUNTS.orders,
        apiName,
      });

    await expect(check('billing-api')).resolves.toMatchObject({
      status: 200,
      body: {
        problems: [
          expect.stringContaining(
            `zone ${HostedZone!.Id!.replace('/hostedzone/', '')} in account ${
              SANDBOX_ACCOUNTS.orders
            } belongs to internal API 'orders-api'`,
          ),
        ],
      },
    });
    await expect(check('orders-api')).resolves.toMatchObject({
      body: { problems: [], zoneOwner: 'orders-api' },
    });
    await expect(check()).resolves.toMatchObject({
      body: { problems: [], zoneOwner: 'orders-api' },
    });
  });

  it('says AWS could not be asked when it cannot be reached', async () => {
    const endpoint = process.env.AWS_ENDPOINT_URL;
    process.env.AWS_ENDPOINT_URL = `http://127.0.0.1:${await findFreeLoopbackPort()}`;
    try {
      // Another user: the earlier consumer list of the default one is still remembered.
      const { status, body } = await call(
        '/consumers',
        undefined,
        mockCredentials.user.header('user:default/unlucky'),
      );
      expect(status).toBe(503);
      expect(body.error.message).toBe(
        "AWS could not be asked for the consumer networks. Try again; if it persists, the platform team should check the backend's AWS access (details are in the backend log).",
      );
    } finally {
      process.env.AWS_ENDPOINT_URL = endpoint;
    }
  });
});
