import { subnetsByZone } from './rules';

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
