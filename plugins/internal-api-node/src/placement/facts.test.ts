import { allHaveEgress, dnsProblems } from './facts';

describe('placement facts', () => {
  const subnet = (defaultRouteTarget?: string) => ({
    subnetId: 'subnet-1',
    availabilityZone: 'eu-west-1a',
    cidr: '10.10.1.0/24',
    routeTableId: 'rtb-1',
    availableIpAddressCount: 250,
    ipv6Native: false,
    defaultRouteTarget,
  });

  it('has an egress route only when every subnet sends 0.0.0.0/0 somewhere', () => {
    expect(allHaveEgress([subnet('nat-1'), subnet('tgw-1')])).toBe(true);
    expect(allHaveEgress([subnet('nat-1'), subnet()])).toBe(false);
    expect(allHaveEgress([])).toBe(false);
  });

  it('refuses a VPC with DNS support or host names off, naming which', () => {
    expect(
      dnsProblems('vpc-1', { dnsSupport: true, dnsHostnames: true }),
    ).toEqual([]);
    expect(
      dnsProblems('vpc-1', { dnsSupport: false, dnsHostnames: false })[0],
    ).toMatch(/^vpc-1 has enableDnsSupport and enableDnsHostnames off;/);
  });
});
