import type { ExistingRoute } from '../aws/routeTables';
import type { TransitGatewayRoute } from '../aws/transitGateway';
import { MISSING_ROUTE_TODO, tgwRouteStatus, vpcRouteStatus } from './rules';

// The entity card's route verdicts, one rule at a time, over plain data as
// the readers hand it over: no AWS. Each test names the state and the
// sentence a person acts on, so a changed verdict or a lost todo fails here.
// The delegation and zone verdicts: rules.dns.test.ts.

const TGW = 'tgw-0123';
const API_CIDR = '10.10.0.0/16';

/** A route as routeTables reads it: its targets by SDK field. */
const route = (
  destinationCidrBlock: string,
  targets: string[],
  extra: Partial<ExistingRoute> = {},
): ExistingRoute => ({
  destinationCidrBlock,
  targets: targets.map(id => ({
    field: id.startsWith('tgw-') ? 'TransitGatewayId' : 'GatewayId',
    id,
  })),
  state: 'active',
  ...extra,
});

const vpcStatus = (routes: ExistingRoute[]) =>
  vpcRouteStatus({
    accountId: '777788889999',
    table: { routeTableId: 'rtb-c', routes },
    destinationCidrBlock: API_CIDR,
    transitGatewayId: TGW,
  });

const BASE = {
  accountId: '777788889999',
  routeTableId: 'rtb-c',
  destinationCidrBlock: API_CIDR,
  target: TGW,
};
const LOCAL = route('10.40.0.0/16', ['local']);

describe('a VPC route for the API, as the card judges it', () => {
  it('present: exactly the route register creates, no todo', () => {
    expect(vpcStatus([LOCAL, route(API_CIDR, [TGW])])).toEqual({
      ...BASE,
      state: 'present',
    });
  });

  it('present but a blackhole: still ours (decommission would remove it), with what to do', () => {
    const status = vpcStatus([route(API_CIDR, [TGW], { state: 'blackhole' })]);
    expect(status.state).toBe('present');
    expect(status.todo).toBe(
      "the route in rtb-c is a blackhole: the VPC's transit gateway attachment is gone; ask the network team to attach the VPC again",
    );
  });

  it('taken: the exact CIDR leads elsewhere; the todo says the platform never overwrites it', () => {
    expect(vpcStatus([route(API_CIDR, ['pcx-1'])])).toEqual({
      ...BASE,
      state: 'taken',
      foundTarget: 'pcx-1',
      todo: 'another target owns 10.10.0.0/16 in rtb-c: ask the network owner; the platform never overwrites it',
    });
  });

  it('taken: a blackhole to another target says so', () => {
    expect(
      vpcStatus([route(API_CIDR, ['nat-1'], { state: 'blackhole' })])
        .foundTarget,
    ).toBe('a blackhole (nat-1)');
  });

  it("taken: a route with two targets is nobody's single route, so not ours", () => {
    const status = vpcStatus([route(API_CIDR, [TGW, 'eni-1'])]);
    expect(status.state).toBe('taken');
    expect(status.foundTarget).toBe(`${TGW} / eni-1`);
  });

  it('covered: no exact route, a broader one to the same gateway carries it', () => {
    expect(vpcStatus([LOCAL, route('10.0.0.0/8', [TGW])])).toEqual({
      ...BASE,
      state: 'covered',
      foundTarget: '10.0.0.0/8',
    });
  });

  it('covered by a prefix list entry to the gateway, naming the list', () => {
    const status = vpcStatus([
      route(API_CIDR, [TGW], { prefixListId: 'pl-1' }),
    ]);
    expect(status).toEqual({
      ...BASE,
      state: 'covered',
      foundTarget: `prefix list pl-1 (entry ${API_CIDR})`,
    });
  });

  it('the most specific broader route decides: /12 elsewhere takes it despite /8 to the gateway', () => {
    expect(
      vpcStatus([route('10.0.0.0/8', [TGW]), route('10.0.0.0/12', ['nat-1'])]),
    ).toEqual({
      ...BASE,
      state: 'taken',
      foundTarget: '10.0.0.0/12 to nat-1',
      todo: 'another target owns 10.10.0.0/16 in rtb-c: ask the network owner; the platform never overwrites it',
    });
    expect(
      vpcStatus([route('10.0.0.0/8', ['nat-1']), route('10.0.0.0/12', [TGW])])
        .state,
    ).toBe('covered');
  });

  it('missing: nothing but the local and default routes, which never count; the todo names the table', () => {
    const status = vpcStatus([
      route('10.0.0.0/8', ['local']),
      route('0.0.0.0/0', ['igw-1']),
      route('10.20.0.0/16', [TGW]),
    ]);
    expect(status).toEqual({
      ...BASE,
      state: 'missing',
      todo: `rtb-c has no route for 10.10.0.0/16: ${MISSING_ROUTE_TODO}`,
    });
  });
});

describe("the transit gateway's route to the provider VPC", () => {
  const tgwRoute = (
    targets: string[],
    type: string,
    extra: Partial<ExistingRoute> = {},
  ): TransitGatewayRoute => ({
    ...route(API_CIDR, targets),
    targets: targets.map(id => ({ field: 'TransitGatewayAttachmentId', id })),
    type,
    ...extra,
  });
  const tgwStatus = (
    routes: TransitGatewayRoute[],
    providerAttachmentIds = ['tgw-attach-a'],
  ) =>
    tgwRouteStatus({
      accountId: '111122223333',
      region: 'eu-west-1',
      routeTableId: 'tgw-rtb-1',
      destinationCidrBlock: API_CIDR,
      routes,
      providerAttachmentIds,
    });
  const TGW_BASE = {
    accountId: '111122223333',
    routeTableId: 'tgw-rtb-1',
    destinationCidrBlock: API_CIDR,
    target: 'tgw-attach-a',
  };

  it('present: a static route to the provider VPC attachment', () => {
    expect(tgwStatus([tgwRoute(['tgw-attach-a'], 'static')])).toEqual({
      ...TGW_BASE,
      state: 'present',
    });
  });

  it('present: a static route to the second attachment of the VPC is ours too', () => {
    expect(
      tgwStatus(
        [tgwRoute(['tgw-attach-b'], 'static')],
        ['tgw-attach-a', 'tgw-attach-b'],
      ).state,
    ).toBe('present');
  });

  it('missing: no route for the CIDR, saying register adds it', () => {
    expect(tgwStatus([])).toEqual({
      ...TGW_BASE,
      state: 'missing',
      todo: "transit gateway route table tgw-rtb-1 has no route for 10.10.0.0/16: register the routes again (it adds the gateway's route)",
    });
  });

  it("covered: only the attachment's propagated route, which the gateway keeps itself", () => {
    expect(tgwStatus([tgwRoute(['tgw-attach-a'], 'propagated')])).toEqual({
      ...TGW_BASE,
      state: 'covered',
      foundTarget: 'propagated',
    });
  });

  it('taken: a static route to another VPC attachment', () => {
    expect(tgwStatus([tgwRoute(['tgw-attach-x'], 'static')])).toEqual({
      ...TGW_BASE,
      state: 'taken',
      foundTarget: 'tgw-attach-x',
      todo: 'another target owns 10.10.0.0/16 in transit gateway route table tgw-rtb-1: ask the network owner; the platform never overwrites it',
    });
  });

  it('taken: a propagated route from elsewhere, or spread over several attachments (ECMP)', () => {
    expect(tgwStatus([tgwRoute(['tgw-attach-x'], 'propagated')]).state).toBe(
      'taken',
    );
    const ecmp = tgwStatus([
      tgwRoute(['tgw-attach-a', 'tgw-attach-x'], 'propagated'),
    ]);
    expect(ecmp.state).toBe('taken');
    expect(ecmp.foundTarget).toBe('tgw-attach-a / tgw-attach-x');
  });

  it('without an attachment of the provider VPC, any route is taken and the target says why', () => {
    const status = tgwStatus([tgwRoute(['tgw-attach-x'], 'static')], []);
    expect(status.target).toBe('no attachment of the provider VPC');
    expect(status.state).toBe('taken');
  });
});
