import {
  ChangeResourceRecordSetsCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  repointTgwRouteByHand,
  repointVpcRouteByHand,
  route53In,
  Sandbox,
  SANDBOX_ACCOUNTS,
  startSandbox,
} from '@internal/aws-sandbox';
import {
  INTERNAL_API_ANNOTATIONS,
  InternalApiStatus,
} from '@internal/plugin-internal-api-common';
import { registerOrdersApi } from './__testUtils__/registeredApi';
import { startLookupServer } from './__testUtils__/lookupServer';

const USER = 'user:default/alice';
const ORDERS = '/status/component/default/orders-api';

/**
 * The entity card's status, read from the sandbox through the recording
 * proxy: one API delegated and routed to two consumers by the core's own
 * plan and apply, then changed by hand. The clock moves past the cache
 * wherever a test needs AWS read again.
 */
describe('GET /status/:kind/:namespace/:name', () => {
  let sandbox: Sandbox;
  let orders: Entity;
  let server: Awaited<ReturnType<typeof startLookupServer>>;
  let ordersDns: Route53Client;
  const entities: Entity[] = [];
  let clock = 1_700_000_000_000;
  const expireCache = () => {
    clock += 31_000;
  };

  beforeAll(async () => {
    sandbox = await startSandbox();
    orders = await registerOrdersApi(sandbox.landscape, {
      name: 'orders-api',
      domainName: 'orders.acme.com',
      consumers: ['customer-api', 'partner-api'],
    });
    entities.push(orders, {
      ...orders,
      metadata: { name: 'no-zone', namespace: 'default', annotations: {} },
    });
    server = await startLookupServer({
      config: sandbox.landscape.config,
      // Reads the array on each call: a test can add an entity later.
      catalog: {
        getEntityByRef: (ref: string, options: never) =>
          catalogServiceMock({ entities }).getEntityByRef(ref, options),
      } as never,
      now: () => clock,
    });
    ordersDns = await route53In(sandbox.moto, SANDBOX_ACCOUNTS.orders);
  }, 180_000);
  afterAll(async () => {
    ordersDns?.destroy();
    await server?.stop();
    await sandbox?.stop();
  });

  const status = async () => {
    const { status: code, body } = await server.call(ORDERS, undefined, USER);
    expect(code).toBe(200);
    return body as InternalApiStatus;
  };
  /** The EC2 and Route 53 calls that reached "AWS" (credentials aside), sorted. */
  const awsCalls = () =>
    sandbox.proxy
      .calls()
      .filter(call => call.service !== 'sts')
      .map(call => `${call.service} ${call.operation}`)
      .sort();

  const EXPECTED_CALLS = [
    // orders: the VPC's CIDR and its tables, the zone and its records
    'ec2 DescribeRouteTables',
    // customer-api and partner-api: CIDR, tables, subnets each
    'ec2 DescribeRouteTables',
    'ec2 DescribeRouteTables',
    'ec2 DescribeSubnets',
    'ec2 DescribeSubnets',
    // network account: the provider's attachment and the gateway's route
    'ec2 DescribeTransitGatewayVpcAttachments',
    'ec2 DescribeVpcs',
    'ec2 DescribeVpcs',
    'ec2 DescribeVpcs',
    'ec2 SearchTransitGatewayRoutes',
    'route53 GetHostedZone',
    // the API's zone, and the parent's NS record
    'route53 ListResourceRecordSets',
    'route53 ListResourceRecordSets',
    // the NS change the delegation made (the delegation-change annotation), in the DNS account
    'route53 GetChange',
  ].sort();

  it('reports a freshly registered API: delegated, not deployed, every route present', async () => {
    sandbox.proxy.clear();
    const body = await status();
    expect(body).toMatchObject({
      entityRef: 'component:default/orders-api',
      vpcCidr: '10.10.0.0/16',
      domain: 'orders.acme.com',
      delegation: { state: 'present', parentDomain: 'acme.com' },
      zone: { exists: true, markedFor: 'orders-api', deployed: false },
      transitGatewayRoute: {
        state: 'present',
        target: sandbox.landscape.vpcs.orders.attachmentId,
      },
      drift: [],
      cacheSeconds: 30,
    });
    expect(body.delegation.parentNameServers).toHaveLength(4);
    // moto has every change in sync at once (PENDING: internal-api-node's readDns.test.ts).
    expect(body.delegation.change).toEqual({
      id: orders.metadata.annotations![
        INTERNAL_API_ANNOTATIONS.delegationChange
      ],
      status: 'INSYNC',
      submittedAt: expect.any(String),
    });
    const getChange = sandbox.proxy
      .requests()
      .filter(request => request.operation === 'GetChange');
    // Signed by the DNS account: the change belongs to the parent zone's account.
    expect(getChange.map(request => request.accountId)).toEqual([
      SANDBOX_ACCOUNTS.dns,
    ]);
    for (const consumer of body.consumers) {
      expect(consumer.providerSide.length).toBeGreaterThan(0);
      expect(consumer.consumerSide.length).toBeGreaterThan(0);
    }
    const states = body.consumers.flatMap(consumer =>
      [...consumer.providerSide, ...consumer.consumerSide].map(r => r.state),
    );
    expect(new Set(states)).toEqual(new Set(['present']));
    expect(awsCalls()).toEqual(EXPECTED_CALLS);
    expect(sandbox.proxy.calls().filter(call => call.write)).toEqual([]);
  });

  it('answers a reload from memory until the cache expires', async () => {
    const first = await status();
    sandbox.proxy.clear();
    clock += 10_000;
    await expect(status()).resolves.toEqual(first);
    expect(awsCalls()).toEqual([]);
    expireCache();
    expect((await status()).checkedAt).not.toBe(first.checkedAt);
    expect(awsCalls()).toEqual(EXPECTED_CALLS);
  });

  it('reports the stack deployed once the zone holds an A record', async () => {
    await ordersDns.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId:
          orders.metadata.annotations![INTERNAL_API_ANNOTATIONS.hostedZoneId],
        ChangeBatch: {
          Changes: [
            {
              Action: 'UPSERT',
              ResourceRecordSet: {
                Name: 'orders.acme.com',
                Type: 'A',
                TTL: 60,
                ResourceRecords: [{ Value: '10.10.1.10' }],
              },
            },
          ],
        },
      }),
    );
    expireCache();
    expect((await status()).zone).toMatchObject({
      deployed: true,
      recordCount: 1,
      records: ['A orders.acme.com'],
    });
  });

  it('keeps the AWS calls constant when a second API shares the VPC', async () => {
    entities.push(
      await registerOrdersApi(sandbox.landscape, {
        name: 'billing-api',
        domainName: 'billing.acme.com',
        consumers: ['customer-api'],
      }),
    );
    expireCache();
    sandbox.proxy.clear();
    expect((await status()).drift).toEqual([]);
    expect(awsCalls()).toEqual(EXPECTED_CALLS);
  });

  it('reports routes re-pointed by hand as taken, with where they lead and what to do', async () => {
    const before = await status();
    const customer = before.consumers.find(c => c.name === 'customer-api')!;
    const table = customer.consumerSide[0].routeTableId;
    const { targetId } = await repointVpcRouteByHand(
      sandbox.proxy,
      sandbox.landscape,
      { vpc: 'customer', routeTableId: table, cidr: '10.10.0.0/16' },
    );
    await repointTgwRouteByHand(sandbox.proxy, sandbox.landscape, {
      cidr: '10.10.0.0/16',
      attachmentId: sandbox.landscape.vpcs.payments.attachmentId!,
    });
    expireCache();
    const after = await status();
    expect(
      after.consumers
        .find(c => c.name === 'customer-api')!
        .consumerSide.find(route => route.routeTableId === table),
    ).toMatchObject({
      state: 'taken',
      foundTarget: targetId,
      todo: expect.stringContaining('the platform never overwrites it'),
    });
    expect(after.transitGatewayRoute).toMatchObject({
      state: 'taken',
      foundTarget: sandbox.landscape.vpcs.payments.attachmentId,
    });
    expect(after.drift).toEqual([
      expect.stringMatching(
        /^another target owns 10\.10\.0\.0\/16 in transit gateway route table/,
      ),
      expect.stringMatching(
        /^customer-api: another target owns 10\.10\.0\.0\/16/,
      ),
    ]);
  });

  it('refuses what is not a readable internal API', async () => {
    await expect(
      server.call('/status/component/default/nobody', undefined, USER),
    ).resolves.toMatchObject({ status: 404 });
    const missing = await server.call(
      '/status/component/default/no-zone',
      undefined,
      USER,
    );
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain(
      INTERNAL_API_ANNOTATIONS.hostedZoneId,
    );
  });

  it('refuses a delegation-change annotation that is not a Route 53 change id, asking AWS nothing', async () => {
    entities.push({
      ...orders,
      metadata: {
        ...orders.metadata,
        name: 'typo-api',
        annotations: {
          ...orders.metadata.annotations,
          [INTERNAL_API_ANNOTATIONS.delegationChange]: 'C1/../hostedzone/Z1',
        },
      },
    });
    sandbox.proxy.clear();
    const refused = await server.call(
      '/status/component/default/typo-api',
      undefined,
      USER,
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe(
      "component:default/typo-api's annotation internal-api.platform/delegation-change is 'C1/../hostedzone/Z1', " +
        'not a Route 53 change id (C and upper-case letters and digits, as the Internal Fargate API template writes it). ' +
        'Correct it or remove it from catalog-info.yaml.',
    );
    expect(awsCalls()).toEqual([]);
  });
});
