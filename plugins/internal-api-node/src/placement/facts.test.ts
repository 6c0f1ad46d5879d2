import { allHaveEgress, dnsProblems, presentTaskEndpoints } from './facts';

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

  it('has an egress route only when every subnet sends 0.0.0.0/0 somewhere its tasks can leave by', () => {
    expect(allHaveEgress([subnet('nat-1'), subnet('tgw-1')])).toBe(true);
    expect(allHaveEgress([subnet('nat-1'), subnet()])).toBe(false);
    // Fargate tasks here get no public IP: an internet gateway cannot carry their traffic.
    expect(allHaveEgress([subnet('nat-1'), subnet('igw-1')])).toBe(false);
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

  it("counts the S3 gateway endpoint only when it is associated with every subnet's route table", () => {
    const subnets = [{ routeTableId: 'rtb-a' }, { routeTableId: 'rtb-b' }];
    const endpoint = (
      service: string,
      type: string,
      routeTableIds: string[] = [],
    ) => ({ service, type, routeTableIds });
    expect(
      presentTaskEndpoints(
        [
          endpoint('ecr.api', 'Interface'),
          endpoint('s3', 'Gateway', ['rtb-a', 'rtb-b', 'rtb-public']),
        ],
        subnets,
      ),
    ).toEqual(['ecr.api', 's3']);
    // Another API's subnets use rtb-b too, but this endpoint serves rtb-a only: the stack needs its own.
    expect(
      presentTaskEndpoints([endpoint('s3', 'Gateway', ['rtb-a'])], subnets),
    ).toEqual([]);
    // An S3 interface endpoint is not what the stack's gateway would be; ecr.dkr as a gateway is no endpoint at all.
    expect(
      presentTaskEndpoints(
        [endpoint('s3', 'Interface'), endpoint('ecr.dkr', 'Gateway')],
        subnets,
      ),
    ).toEqual([]);
  });
});
