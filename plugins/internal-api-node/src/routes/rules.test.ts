import { cidrContains, cidrsOverlap } from '../cidr';
import { leadsOnlyTo } from '../aws/routeTables';
import { planVpcRoutes } from './rules';

describe('cidrContains', () => {
  it.each([
    ['10.10.0.0/16', '10.10.3.0/24', true],
    ['10.10.0.0/16', '10.10.0.0/16', true],
    ['10.10.0.0/16', '10.11.0.0/24', false],
    ['10.10.0.0/24', '10.10.0.0/16', false],
  ])('%s contains %s: %s', (outer, inner, expected) => {
    expect(cidrContains(outer, inner)).toBe(expected);
  });
});

describe('cidrsOverlap', () => {
  it.each([
    ['10.10.0.0/16', '10.10.4.0/24', true],
    ['10.10.0.0/16', '10.11.0.0/16', false],
    ['10.0.0.0/8', '10.200.0.0/16', true],
    ['192.168.0.0/24', '192.168.1.0/24', false],
  ])('%s and %s: %s', (a, b, expected) => {
    expect(cidrsOverlap(a, b)).toBe(expected);
    expect(cidrsOverlap(b, a)).toBe(expected);
  });
});

describe('leadsOnlyTo', () => {
  const route = (targets: string[], state = 'active') => ({
    destinationCidrBlock: '10.1.0.0/16',
    targets: targets.map(id => ({ field: 'TransitGatewayId', id })),
    state,
  });
  it('is ours only for exactly that target, in a route that carries traffic', () => {
    expect(leadsOnlyTo(route(['tgw-1']), 'tgw-1')).toBe(true);
    expect(leadsOnlyTo(route(['tgw-2']), 'tgw-1')).toBe(false);
    expect(leadsOnlyTo(route(['tgw-1'], 'blackhole'), 'tgw-1')).toBe(false);
    // AWS always names the target of a working route: one without is nobody's.
    expect(leadsOnlyTo(route([]), 'tgw-1')).toBe(false);
    expect(leadsOnlyTo(route(['tgw-1', 'tgw-2']), 'tgw-1')).toBe(false);
  });
});

describe('planVpcRoutes', () => {
  const base = {
    accountId: '444455556666',
    region: 'eu-west-1',
    vpcLabel: 'provider vpc-a',
    vpcCidr: '10.10.0.0/16',
    transitGatewayId: 'tgw-1',
  };

  it('refuses a default route', () => {
    const { changes, conflicts } = planVpcRoutes({
      ...base,
      tables: [],
      destinationCidrBlock: '0.0.0.0/0',
    });
    expect(changes).toEqual([]);
    expect(conflicts).toEqual([
      '0.0.0.0/0 in provider vpc-a is a default route; it is never routed to the transit gateway',
    ]);
  });

  it('plans the missing route in each table and keeps the present one', () => {
    const { changes, conflicts } = planVpcRoutes({
      ...base,
      destinationCidrBlock: '10.40.0.0/16',
      tables: [
        { routeTableId: 'rtb-1', main: false, routes: [] },
        {
          routeTableId: 'rtb-2',
          main: false,
          routes: [
            {
              destinationCidrBlock: '10.40.0.0/16',
              targets: [{ field: 'TransitGatewayId', id: 'tgw-1' }],
            },
          ],
        },
      ],
    });
    expect(conflicts).toEqual([]);
    expect(changes.map(c => `${c.routeTableId}:${c.status}`)).toEqual([
      'rtb-1:planned',
      'rtb-2:already-present',
    ]);
  });

  it('refuses a broader or a narrower route to another target: more specific routes silently take traffic', () => {
    const { changes, conflicts } = planVpcRoutes({
      ...base,
      destinationCidrBlock: '10.40.0.0/16',
      tables: [
        {
          routeTableId: 'rtb-inspect',
          main: false,
          routes: [
            {
              destinationCidrBlock: '10.0.0.0/8',
              targets: [{ field: 'NetworkInterfaceId', id: 'eni-appliance' }],
            },
          ],
        },
        {
          routeTableId: 'rtb-peer',
          main: false,
          routes: [
            {
              destinationCidrBlock: '10.40.7.0/24',
              targets: [{ field: 'VpcPeeringConnectionId', id: 'pcx-9' }],
            },
          ],
        },
        {
          routeTableId: 'rtb-local',
          main: false,
          routes: [
            {
              destinationCidrBlock: '10.10.0.0/16',
              targets: [{ field: 'GatewayId', id: 'local' }],
            },
          ],
        },
      ],
    });
    expect(conflicts).toEqual([
      'rtb-inspect (provider vpc-a, account 444455556666) routes 10.0.0.0/8, which overlaps 10.40.0.0/16, to eni-appliance; a route for 10.40.0.0/16 would take that traffic away from it',
      "rtb-peer (provider vpc-a, account 444455556666) routes 10.40.7.0/24, which overlaps 10.40.0.0/16, to pcx-9; it would keep part of 10.40.0.0/16's traffic from the transit gateway",
    ]);
    expect(changes.map(c => `${c.routeTableId}:${c.status}`)).toEqual([
      'rtb-local:planned',
    ]);
  });

  it('writes nothing where a broader route to the same transit gateway carries the traffic, and says so', () => {
    const { changes, conflicts } = planVpcRoutes({
      ...base,
      destinationCidrBlock: '10.40.0.0/16',
      tables: [
        {
          routeTableId: 'rtb-1',
          main: false,
          routes: [
            {
              destinationCidrBlock: '10.32.0.0/11',
              targets: [{ field: 'TransitGatewayId', id: 'tgw-1' }],
            },
          ],
        },
      ],
    });
    expect(conflicts).toEqual([]);
    expect(changes).toEqual([
      expect.objectContaining({
        routeTableId: 'rtb-1',
        status: 'already-present',
        coveredBy: '10.32.0.0/11',
      }),
    ]);
  });

  it('counts prefix-list routes: an entry that overlaps to another target is a conflict, one to the gateway covers', () => {
    const fromList = (prefixListId: string, cidr: string, id: string) => ({
      destinationCidrBlock: cidr,
      prefixListId,
      targets: [{ field: 'TransitGatewayId', id }],
    });
    const { changes, conflicts } = planVpcRoutes({
      ...base,
      destinationCidrBlock: '10.40.0.0/16',
      tables: [
        {
          routeTableId: 'rtb-corp',
          main: false,
          routes: [fromList('pl-corp', '10.0.0.0/8', 'tgw-other')],
        },
        {
          routeTableId: 'rtb-ours',
          main: false,
          // The list holds exactly our CIDR, to our gateway: it already carries the traffic.
          routes: [fromList('pl-apis', '10.40.0.0/16', 'tgw-1')],
        },
      ],
    });
    expect(conflicts).toEqual([
      'rtb-corp (provider vpc-a, account 444455556666) routes prefix list pl-corp (entry 10.0.0.0/8), which overlaps ' +
        '10.40.0.0/16, to tgw-other; a route for 10.40.0.0/16 would take that traffic away from it',
    ]);
    expect(changes).toEqual([
      expect.objectContaining({
        routeTableId: 'rtb-ours',
        status: 'already-present',
        coveredBy: 'prefix list pl-apis (entry 10.40.0.0/16)',
      }),
    ]);
  });

  it("refuses a route without a target for the CIDR: it is nobody's, so never ours", () => {
    const { conflicts } = planVpcRoutes({
      ...base,
      destinationCidrBlock: '10.40.0.0/16',
      tables: [
        {
          routeTableId: 'rtb-1',
          main: false,
          routes: [{ destinationCidrBlock: '10.40.0.0/16', targets: [] }],
        },
      ],
    });
    expect(conflicts).toEqual([
      'rtb-1 (provider vpc-a, account 444455556666) already routes 10.40.0.0/16 to no target',
    ]);
  });

  it('marks a route in the main route table: it applies to future subnets too', () => {
    const { changes } = planVpcRoutes({
      ...base,
      destinationCidrBlock: '10.40.0.0/16',
      tables: [
        { routeTableId: 'rtb-main', main: true, routes: [] },
        { routeTableId: 'rtb-1', main: false, routes: [] },
      ],
    });
    expect(changes.map(c => [c.routeTableId, c.mainRouteTable])).toEqual([
      ['rtb-main', true],
      ['rtb-1', undefined],
    ]);
  });

  it('leaves a default route alone: the fallback to a NAT gateway is no conflict with a more specific route', () => {
    const { changes, conflicts } = planVpcRoutes({
      ...base,
      destinationCidrBlock: '10.40.0.0/16',
      tables: [
        {
          routeTableId: 'rtb-private',
          main: false,
          routes: [
            {
              destinationCidrBlock: '0.0.0.0/0',
              targets: [{ field: 'NatGatewayId', id: 'nat-1' }],
            },
          ],
        },
      ],
    });
    expect(conflicts).toEqual([]);
    expect(changes).toEqual([
      expect.objectContaining({
        routeTableId: 'rtb-private',
        status: 'planned',
      }),
    ]);
  });
});
