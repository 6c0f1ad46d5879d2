import type { ExistingRoute } from '../aws/routeTables';
import {
  claimantsOf,
  ConsumerFacts,
  consumerRouteClaimants,
  mergeRemovals,
  planTgwRouteRemoval,
  planVpcRouteRemovals,
  RouteClaim,
} from './deregisterRules';

const ORDERS = { accountId: '444455556666', vpcId: 'vpc-orders' };
const claim = (
  name: string,
  consumers: string[],
  where: Partial<RouteClaim> = {},
): RouteClaim => ({
  entityRef: `component:default/${name}`,
  ...ORDERS,
  consumers,
  ...where,
});

describe('who still needs a route', () => {
  const claims = [
    claim('orders-a', ['customer-api']),
    claim('Orders-B', ['customer-api', 'partner-api']),
    claim('elsewhere', ['customer-api'], { vpcId: 'vpc-other' }),
    claim('other-account', ['customer-api'], { accountId: '555566667777' }),
  ];

  it('counts the other APIs of the same account and VPC, without the one being changed (refs without case)', () => {
    expect(
      claimantsOf(claims, {
        ...ORDERS,
        excluding: 'Component:default/orders-a',
      }),
    ).toEqual(['component:default/Orders-B']);
    expect(claimantsOf(claims, ORDERS)).toEqual([
      'component:default/Orders-B',
      'component:default/orders-a',
    ]);
  });

  it('compares account and VPC as the catalog filter does: a claim it found is never dropped', () => {
    expect(
      claimantsOf([claim('upper', [], { vpcId: 'VPC-orders ' })], ORDERS),
    ).toEqual(['component:default/upper']);
  });

  describe('between the provider and one consumer', () => {
    // customer-lab: another account's VPC with customer-api's CIDR; wide: a VPC whose CIDR holds it.
    const facts: Record<string, ConsumerFacts> = {
      'customer-api': { network: 'c/eu-west-1/vpc-c', cidr: '10.40.0.0/16' },
      'customer-alias': { network: 'c/eu-west-1/vpc-c', cidr: '10.40.0.0/16' },
      'customer-lab': { network: 'l/eu-west-1/vpc-l', cidr: '10.40.0.0/16' },
      wide: { network: 'w/eu-west-1/vpc-w', cidr: '10.0.0.0/8' },
      'partner-api': { network: 'p/eu-west-1/vpc-p', cidr: '10.50.0.0/16' },
    };
    const factsOf = (name: string) =>
      facts[name] ?? { network: `name:${name}` };
    const needing = (consumers: string[]) =>
      consumerRouteClaimants(
        [claim('orders-a', ['customer-api']), claim('orders-b', consumers)],
        { ...ORDERS, excluding: 'component:default/orders-a' },
        facts['customer-api'],
        factsOf,
      );
    const B = ['component:default/orders-b'];

    it.each([
      ['the same consumer', ['customer-api'], B, B],
      ['another name for the same VPC', ['customer-alias'], B, B],
      // The provider's return route to 10.40.0.0/16 carries customer-lab's traffic too.
      ['another VPC with the same CIDR', ['customer-lab'], [], B],
      ['a VPC whose CIDR overlaps', ['wide'], [], B],
      ['an unrelated consumer', ['partner-api'], [], []],
      ['a name the config no longer has', ['gone-api'], [], []],
    ])(
      'another API listing %s',
      (_case, consumers, consumerSide, providerSide) => {
        expect(needing(consumers)).toEqual({ consumerSide, providerSide });
      },
    );

    it('another API whose consumers annotation is missing: unknown, so it needs every route', () => {
      const unknown = { ...claim('orders-b', []), consumers: undefined };
      expect(
        consumerRouteClaimants(
          [unknown],
          ORDERS,
          facts['customer-api'],
          factsOf,
        ),
      ).toEqual({ consumerSide: B, providerSide: B });
    });
  });
});

describe('planVpcRouteRemovals', () => {
  const route = (
    cidr: string,
    targets: string[],
    state = 'active',
  ): ExistingRoute => ({
    destinationCidrBlock: cidr,
    targets: targets.map(id => ({ field: 'TransitGatewayId', id })),
    state,
  });
  const plan = (routes: ExistingRoute[], neededBy: string[] = []) =>
    planVpcRouteRemovals({
      ...ORDERS,
      region: 'eu-west-1',
      tables: [{ routeTableId: 'rtb-1', main: false, routes }],
      destinationCidrBlock: '10.40.0.0/16',
      transitGatewayId: 'tgw-1',
      consumer: 'customer-api',
      neededBy,
    })[0];

  it('plans the exact route to the configured gateway, even a blackhole one (ours to clean up)', () => {
    expect(plan([route('10.40.0.0/16', ['tgw-1'])])).toEqual({
      kind: 'vpc',
      accountId: ORDERS.accountId,
      region: 'eu-west-1',
      vpcId: ORDERS.vpcId,
      routeTableId: 'rtb-1',
      destinationCidrBlock: '10.40.0.0/16',
      target: 'tgw-1',
      consumer: 'customer-api',
      status: 'planned',
    });
    expect(plan([route('10.40.0.0/16', ['tgw-1'], 'blackhole')]).status).toBe(
      'planned',
    );
  });

  it('keeps a route other APIs need, naming them', () => {
    expect(
      plan([route('10.40.0.0/16', ['tgw-1'])], ['component:default/b']),
    ).toMatchObject({
      status: 'kept',
      neededBy: ['component:default/b'],
      reason: 'still needed by component:default/b',
    });
  });

  it.each([
    ['another transit gateway', ['tgw-2'], 'tgw-2'],
    ['an internet gateway', ['igw-1'], 'igw-1'],
    ['two targets', ['tgw-1', 'eni-1'], 'tgw-1 / eni-1'],
    ['no target', [], 'no target'],
  ])(
    'leaves a route to %s alone, even when nobody needs it',
    (_case, targets, found) => {
      expect(plan([route('10.40.0.0/16', targets)])).toMatchObject({
        status: 'foreign',
        foundTarget: found,
        reason: expect.stringMatching(
          /^it leads to .*, not to tgw-1: not the route register creates/,
        ),
      });
    },
  );

  it('finds nothing to remove where only a broader or narrower route exists', () => {
    expect(
      plan([route('10.0.0.0/8', ['tgw-1']), route('10.40.1.0/24', ['tgw-1'])])
        .status,
    ).toBe('absent');
  });

  it('never removes a default route', () => {
    const defaultRoute = planVpcRouteRemovals({
      ...ORDERS,
      region: 'eu-west-1',
      tables: [
        {
          routeTableId: 'rtb-1',
          main: true,
          routes: [route('0.0.0.0/0', ['tgw-1'])],
        },
      ],
      destinationCidrBlock: '0.0.0.0/0',
      transitGatewayId: 'tgw-1',
      consumer: 'everyone',
      neededBy: [],
    })[0];
    expect(defaultRoute).toMatchObject({
      status: 'foreign',
      reason: 'a default route is never removed',
      mainRouteTable: true,
    });
  });
});

describe('planTgwRouteRemoval', () => {
  const tgwRoute = (type: string, attachments: string[]) => ({
    destinationCidrBlock: '10.10.0.0/16',
    type,
    state: 'active',
    targets: attachments.map(id => ({
      field: 'TransitGatewayAttachmentId',
      id,
    })),
  });
  const plan = (
    routes: ReturnType<typeof tgwRoute>[],
    neededBy: string[] = [],
    providerAttachmentIds = ['tgw-attach-orders'],
  ) =>
    planTgwRouteRemoval({
      accountId: '111122223333',
      region: 'eu-west-1',
      routeTableId: 'tgw-rtb-1',
      destinationCidrBlock: '10.10.0.0/16',
      routes,
      providerAttachmentIds,
      neededBy,
    });

  it('plans the static route to the provider attachment while no API remains in the VPC, else keeps it', () => {
    expect(plan([tgwRoute('static', ['tgw-attach-orders'])])).toMatchObject({
      kind: 'transit-gateway',
      target: 'tgw-attach-orders',
      status: 'planned',
    });
    expect(
      plan(
        [tgwRoute('static', ['tgw-attach-orders'])],
        ['component:default/b'],
      ),
    ).toMatchObject({ status: 'kept', neededBy: ['component:default/b'] });
    expect(plan([]).status).toBe('absent');
  });

  it.each([
    [
      'a static route to another attachment',
      [tgwRoute('static', ['tgw-attach-x'])],
      ['tgw-attach-orders'],
    ],
    [
      'a propagated route',
      [tgwRoute('propagated', ['tgw-attach-orders'])],
      ['tgw-attach-orders'],
    ],
    [
      'a static route when the VPC has no attachment',
      [tgwRoute('static', ['tgw-attach-orders'])],
      [],
    ],
  ])('leaves %s alone', (_case, routes, attachments) => {
    expect(plan(routes, [], attachments).status).toBe('foreign');
  });
});

describe('mergeRemovals', () => {
  it('makes one row of a route two consumers share, kept when either is still needed', () => {
    const row = {
      kind: 'vpc' as const,
      ...ORDERS,
      region: 'eu-west-1',
      routeTableId: 'rtb-1',
      destinationCidrBlock: '10.40.0.0/16',
      target: 'tgw-1',
    };
    expect(
      mergeRemovals([
        { ...row, consumer: 'customer-api', status: 'planned' },
        {
          ...row,
          consumer: 'customer-lab',
          status: 'kept',
          neededBy: ['component:default/b'],
        },
      ]),
    ).toEqual([
      {
        ...row,
        consumer: 'customer-api, customer-lab',
        status: 'kept',
        neededBy: ['component:default/b'],
        reason: 'still needed by component:default/b',
      },
    ]);
  });
});
