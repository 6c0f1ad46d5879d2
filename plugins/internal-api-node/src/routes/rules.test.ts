import { cidrContains, cidrsOverlap } from '../cidr';
import { isOurRoute, planVpcRoutes } from './rules';

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

describe('isOurRoute', () => {
  it('is ours for the same target, or an active route whose target EC2 does not report', () => {
    expect(
      isOurRoute(
        { destinationCidrBlock: '10.1.0.0/16', target: 'tgw-1' },
        'tgw-1',
      ),
    ).toBe(true);
    expect(
      isOurRoute(
        { destinationCidrBlock: '10.1.0.0/16', state: 'active' },
        'tgw-1',
      ),
    ).toBe(true);
    expect(
      isOurRoute(
        { destinationCidrBlock: '10.1.0.0/16', target: 'tgw-2' },
        'tgw-1',
      ),
    ).toBe(false);
    expect(
      isOurRoute(
        {
          destinationCidrBlock: '10.1.0.0/16',
          target: 'tgw-1',
          state: 'blackhole',
        },
        'tgw-1',
      ),
    ).toBe(false);
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
        { routeTableId: 'rtb-1', routes: [] },
        {
          routeTableId: 'rtb-2',
          routes: [{ destinationCidrBlock: '10.40.0.0/16', target: 'tgw-1' }],
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
          routes: [
            { destinationCidrBlock: '10.0.0.0/8', target: 'eni-appliance' },
          ],
        },
        {
          routeTableId: 'rtb-peer',
          routes: [{ destinationCidrBlock: '10.40.7.0/24', target: 'pcx-9' }],
        },
        {
          routeTableId: 'rtb-local',
          routes: [{ destinationCidrBlock: '10.10.0.0/16', target: 'local' }],
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
          routes: [{ destinationCidrBlock: '10.32.0.0/11', target: 'tgw-1' }],
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
});
