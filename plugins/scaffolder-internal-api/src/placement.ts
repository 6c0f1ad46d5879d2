import { InputError } from '@backstage/errors';
import type { SubnetFacts } from './aws/network';

/** An EC2 filter exactly as DescribeSubnets takes it. */
export interface SubnetFilter {
  name: string;
  values: string[];
}

// DescribeSubnets filter names (tag:<key> aside). vpc-id is ours: the search is always scoped to the VPC.
const SUBNET_FILTER_NAMES = new Set([
  'availability-zone',
  'availability-zone-id',
  'available-ip-address-count',
  'cidr-block',
  'default-for-az',
  'ipv6-cidr-block-association.ipv6-cidr-block',
  'ipv6-native',
  'map-public-ip-on-launch',
  'outpost-arn',
  'owner-id',
  'state',
  'subnet-arn',
  'subnet-id',
  'tag-key',
]);

/** Refuses malformed filters before any AWS call, naming the filter and the fix. */
export function validateSubnetFilters(filters: SubnetFilter[]): void {
  filters.forEach(({ name, values }, index) => {
    const field = `subnetFilters[${index}]`;
    if (name === 'vpc-id') {
      throw new InputError(
        `${field}.name 'vpc-id' is not allowed: the search is always scoped to the placement VPC. Set vpcId instead.`,
      );
    }
    if (!SUBNET_FILTER_NAMES.has(name) && !/^tag:.+$/.test(name)) {
      throw new InputError(
        `${field}.name '${name}' is not a DescribeSubnets filter. Use tag:<key> (e.g. tag:Tier), ` +
          `or one of: ${[...SUBNET_FILTER_NAMES].join(', ')}.`,
      );
    }
    if (values.length === 0 || values.some(value => value.trim() === '')) {
      throw new InputError(
        `${field}.values must hold at least one value, and no empty ones.`,
      );
    }
  });
}

/**
 * An NLB takes exactly one subnet per Availability Zone (trap 3: the CDK pattern
 * takes every matching subnet and the deploy fails), and an API needs two zones
 * to survive losing one. Returns the subnets sorted by zone.
 */
export function chooseOneSubnetPerZone(
  subnets: SubnetFacts[],
  vpcId: string,
): SubnetFacts[] {
  const byZone = new Map<string, SubnetFacts[]>();
  for (const subnet of subnets) {
    byZone.set(subnet.availabilityZone, [
      ...(byZone.get(subnet.availabilityZone) ?? []),
      subnet,
    ]);
  }
  const crowded = [...byZone]
    .filter(([, inZone]) => inZone.length > 1)
    .sort(([a], [b]) => a.localeCompare(b));
  if (crowded.length > 0) {
    const detail = crowded
      .map(
        ([zone, inZone]) =>
          `${zone}: ${inZone.map(s => s.subnetId).join(', ')}`,
      )
      .join('; ');
    throw new InputError(
      `subnetFilters match more than one subnet in an Availability Zone (${detail}). A Network Load Balancer ` +
        'takes one subnet per zone: narrow the filters (e.g. add a subnet-id or tag filter) so each zone keeps one.',
    );
  }
  if (byZone.size < 2) {
    const zones = [...byZone.keys()].join(', ');
    throw new InputError(
      `subnetFilters match subnets in only ${byZone.size} Availability Zone (${zones}) of ${vpcId}. ` +
        'An internal API needs subnets in at least 2 zones: widen the filters.',
    );
  }
  return [...subnets].sort((a, b) =>
    a.availabilityZone.localeCompare(b.availabilityZone),
  );
}
