import { InputError } from '@backstage/errors';
import {
  crowdedZones,
  SUBNET_FILTER_NAMES,
  SubnetFacts,
  SubnetFilter,
  ZoneSubnets,
} from '@internal/plugin-internal-api-common';

/** Refuses malformed filters before any AWS call, naming the filter and the fix. */
export function validateSubnetFilters(filters: SubnetFilter[]): void {
  filters.forEach(({ name, values }, index) => {
    const field = `subnetFilters[${index}]`;
    if (name === 'vpc-id') {
      throw new InputError(
        `${field}.name 'vpc-id' is not allowed: the search is always scoped to the placement VPC. Set vpcId instead.`,
      );
    }
    if (!SUBNET_FILTER_NAMES.includes(name) && !/^tag:.+$/.test(name)) {
      throw new InputError(
        `${field}.name '${name}' is not a DescribeSubnets filter. Use tag:<key> (e.g. tag:Tier), ` +
          `or one of: ${SUBNET_FILTER_NAMES.join(', ')}.`,
      );
    }
    if (values.length === 0 || values.some(value => value.trim() === '')) {
      throw new InputError(
        `${field}.values must hold at least one value, and no empty ones.`,
      );
    }
  });
}

/** Groups subnets by Availability Zone, zones sorted. */
export function subnetsByZone(subnets: SubnetFacts[]): ZoneSubnets[] {
  const byZone = new Map<string, SubnetFacts[]>();
  for (const subnet of subnets) {
    byZone.set(subnet.availabilityZone, [
      ...(byZone.get(subnet.availabilityZone) ?? []),
      subnet,
    ]);
  }
  return [...byZone]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([availabilityZone, inZone]) => ({
      availabilityZone,
      subnets: inZone,
    }));
}

function describeFilters(filters: SubnetFilter[]): string {
  return filters.length === 0
    ? 'none'
    : filters.map(f => `${f.name}=${f.values.join('|')}`).join(', ');
}

/**
 * Every reason a Network Load Balancer could not take these subnets: none
 * matched, more than one in a zone (see `crowdedZones`), or fewer than two
 * zones: an API needs two zones to survive losing one. Empty when the
 * placement is good: then each zone has one subnet.
 */
export function placementProblems(
  zones: ZoneSubnets[],
  vpcId: string,
  filters: SubnetFilter[],
): string[] {
  if (zones.length === 0) {
    return [
      `subnetFilters (${describeFilters(
        filters,
      )}) match no subnet in ${vpcId}. ` +
        'Check the tag keys and values on the VPC’s private subnets.',
    ];
  }
  const problems = [];
  const crowded = crowdedZones(zones);
  if (crowded.length > 0) {
    const detail = crowded
      .map(
        zone =>
          `${zone.availabilityZone}: ${zone.subnets
            .map(s => s.subnetId)
            .join(', ')}`,
      )
      .join('; ');
    problems.push(
      `subnetFilters match more than one subnet in an Availability Zone (${detail}). A Network Load Balancer ` +
        'takes one subnet per zone: narrow the filters (e.g. add a subnet-id or tag filter) so each zone keeps one.',
    );
  }
  if (zones.length < 2) {
    problems.push(
      `subnetFilters match subnets in only ${
        zones.length
      } Availability Zone (${zones
        .map(zone => zone.availabilityZone)
        .join(
          ', ',
        )}) of ${vpcId}. An internal API needs subnets in at least 2 zones: widen the filters.`,
    );
  }
  return problems;
}
