import { attachmentProblems, subnetProblems, subnetsByZone } from './rules';

const subnet = (subnetId: string, availabilityZone: string) => ({
  subnetId,
  availabilityZone,
  cidr: '10.0.0.0/24',
  routeTableId: `rtb-${subnetId}`,
});

describe('subnetsByZone', () => {
  it('groups subnets by zone, zones sorted, whatever order EC2 lists them in', () => {
    const c = subnet('subnet-c', 'eu-west-1c');
    const a = subnet('subnet-a', 'eu-west-1a');
    const b = subnet('subnet-b', 'eu-west-1b');

    expect(subnetsByZone([c, a, b])).toEqual([
      { availabilityZone: 'eu-west-1a', subnets: [a] },
      { availabilityZone: 'eu-west-1b', subnets: [b] },
      { availabilityZone: 'eu-west-1c', subnets: [c] },
    ]);
  });

  it('keeps the subnets of one zone together, in the order listed', () => {
    const b1 = subnet('subnet-b1', 'eu-west-1b');
    const a = subnet('subnet-a', 'eu-west-1a');
    const b2 = subnet('subnet-b2', 'eu-west-1b');

    expect(subnetsByZone([b1, a, b2])).toEqual([
      { availabilityZone: 'eu-west-1a', subnets: [a] },
      { availabilityZone: 'eu-west-1b', subnets: [b1, b2] },
    ]);
    expect(subnetsByZone([])).toEqual([]);
  });
});

describe('subnetProblems', () => {
  const details = (
    subnetId: string,
    cidr: string,
    more: { availableIpAddressCount?: number; ipv6Native?: boolean } = {},
  ) => ({
    ...subnet(subnetId, 'eu-west-1a'),
    cidr,
    availableIpAddressCount: more.availableIpAddressCount ?? 250,
    ipv6Native: more.ipv6Native ?? false,
  });

  it('accepts IPv4 subnets inside the primary CIDR with room for the load balancer', () => {
    expect(
      subnetProblems(
        [details('subnet-a', '10.10.1.0/24', { availableIpAddressCount: 8 })],
        'vpc-1',
        '10.10.0.0/16',
      ),
    ).toEqual([]);
  });

  it('refuses subnets outside the primary CIDR, IPv6-only ones and ones with fewer than 8 free addresses', () => {
    expect(
      subnetProblems(
        [
          details('subnet-second', '100.64.1.0/24'),
          details('subnet-v6', '', { ipv6Native: true }),
          details('subnet-full', '10.10.2.0/28', {
            availableIpAddressCount: 7,
          }),
        ],
        'vpc-1',
        '10.10.0.0/16',
      ),
    ).toEqual([
      'subnetFilters match IPv6-only subnets (subnet-v6); the load balancer and the routes are IPv4: narrow the filters to subnets with an IPv4 CIDR.',
      "subnetFilters match subnets outside vpc-1's primary CIDR 10.10.0.0/16 (subnet-second 100.64.1.0/24); only the primary CIDR is routed through the transit gateway: narrow the filters to subnets inside it.",
      'A Network Load Balancer needs at least 8 free addresses in each of its subnets; subnet-full (eu-west-1a) has 7. Free addresses there or choose other subnets.',
    ]);
  });
});

describe('attachmentProblems', () => {
  const zonesOf = new Map([
    ['subnet-tgw-a', 'eu-west-1a'],
    ['subnet-tgw-b', 'eu-west-1b'],
  ]);
  const attachment = (
    state: string,
    subnetIds = ['subnet-tgw-a', 'subnet-tgw-b'],
  ) => ({
    attachmentId: 'tgw-attach-1',
    vpcId: 'vpc-1',
    state,
    subnetIds,
  });
  const problems = (
    attachments: ReturnType<typeof attachment>[],
    zones: string[],
  ) =>
    attachmentProblems({
      vpcId: 'vpc-1',
      transitGatewayId: 'tgw-1',
      attachments,
      attachmentSubnetZones: zonesOf,
      zones,
    });

  it('accepts an available (or modifying) attachment with a subnet in every zone of the API', () => {
    expect(
      problems([attachment('available')], ['eu-west-1a', 'eu-west-1b']),
    ).toEqual([]);
    expect(problems([attachment('modifying')], ['eu-west-1a'])).toEqual([]);
  });

  it('refuses a VPC without an attachment, or with only a pending or deleting one', () => {
    expect(problems([], ['eu-west-1a'])).toEqual([
      'vpc-1 has no available attachment to transit gateway tgw-1, so no consumer could reach the API. Ask the network team to attach it with a subnet in each of eu-west-1a.',
    ]);
    expect(problems([attachment('pending')], ['eu-west-1a'])[0]).toContain(
      'vpc-1 has no available attachment to transit gateway tgw-1 (tgw-attach-1 is pending)',
    );
    expect(problems([attachment('deleting')], ['eu-west-1a'])[0]).toContain(
      '(tgw-attach-1 is deleting)',
    );
  });

  it('names the zones of the API where the attachment has no subnet', () => {
    expect(
      problems(
        [attachment('available', ['subnet-tgw-a'])],
        ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
      ),
    ).toEqual([
      "Transit gateway attachment tgw-attach-1 of vpc-1 has no subnet in eu-west-1b, eu-west-1c; the load balancer's nodes there could not reach the transit gateway. Ask the network team to add a subnet in each of those zones to the attachment, or narrow the filters to the zones it serves (eu-west-1a).",
    ]);
  });
});
