import { InputError } from '@backstage/errors';
import {
  crowdedZones,
  SUBNET_FILTER_NAMES,
  SubnetFacts,
  SubnetFilter,
  ZoneSubnets,
} from '@internal/plugin-internal-api-common';
import { carriesTraffic, VpcAttachment } from '../aws/transitGateway';
import type { SubnetDetails } from '../aws/vpcs';
import { cidrContains } from '../cidr';

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

/** A Network Load Balancer needs this many free addresses in each of its subnets. */
const NLB_FREE_ADDRESSES = 8;

/**
 * Every reason a matched subnet cannot carry the API: outside the VPC's
 * primary CIDR (only that CIDR is routed through the transit gateway, so we
 * refuse rather than route secondary CIDRs), IPv6-only (the load balancer
 * and the routes are IPv4), or fewer free addresses than an NLB needs.
 */
export function subnetProblems(
  subnets: SubnetDetails[],
  vpcId: string,
  vpcCidr: string,
): string[] {
  const problems: string[] = [];
  const ipv6Only = subnets.filter(subnet => subnet.ipv6Native);
  if (ipv6Only.length > 0) {
    problems.push(
      `subnetFilters match IPv6-only subnets (${ipv6Only
        .map(s => s.subnetId)
        .join(', ')}); the load balancer and the routes are IPv4: ` +
        'narrow the filters to subnets with an IPv4 CIDR.',
    );
  }
  const outside = subnets.filter(
    subnet => !subnet.ipv6Native && !cidrContains(vpcCidr, subnet.cidr),
  );
  if (outside.length > 0) {
    problems.push(
      `subnetFilters match subnets outside ${vpcId}'s primary CIDR ${vpcCidr} (${outside
        .map(s => `${s.subnetId} ${s.cidr}`)
        .join(
          ', ',
        )}); only the primary CIDR is routed through the transit gateway: ` +
        'narrow the filters to subnets inside it.',
    );
  }
  const crowdedOut = subnets.filter(
    subnet =>
      !subnet.ipv6Native && subnet.availableIpAddressCount < NLB_FREE_ADDRESSES,
  );
  if (crowdedOut.length > 0) {
    problems.push(
      `A Network Load Balancer needs at least ${NLB_FREE_ADDRESSES} free addresses in each of its subnets; ${crowdedOut
        .map(
          s =>
            `${s.subnetId} (${s.availabilityZone}) has ${s.availableIpAddressCount}`,
        )
        .join(', ')}. Free addresses there or choose other subnets.`,
    );
  }
  return problems;
}

/**
 * Why traffic from the transit gateway could not reach the API in these
 * zones: the VPC has no attachment that carries traffic (a pending or
 * deleting one does not), or the attachment has no subnet in one of them
 * (a load balancer node in such a zone cannot reach the transit gateway).
 */
export function attachmentProblems(options: {
  vpcId: string;
  transitGatewayId: string;
  attachments: VpcAttachment[];
  /** The zone of each attachment subnet. */
  attachmentSubnetZones: Map<string, string>;
  /** The zones the API's subnets are in. */
  zones: string[];
}): string[] {
  const { vpcId, transitGatewayId, attachments, zones } = options;
  const attachment = attachments.find(carriesTraffic);
  if (!attachment) {
    const others = attachments
      .map(a => `${a.attachmentId} is ${a.state}`)
      .join(', ');
    return [
      `${vpcId} has no available attachment to transit gateway ${transitGatewayId}${
        others ? ` (${others})` : ''
      }, so no consumer could reach the API. Ask the network team to attach it with a subnet in each of ${zones.join(
        ', ',
      )}.`,
    ];
  }
  const served = new Set(
    attachment.subnetIds.map(id => options.attachmentSubnetZones.get(id)),
  );
  const missing = zones.filter(zone => !served.has(zone));
  if (missing.length === 0) {
    return [];
  }
  return [
    `Transit gateway attachment ${
      attachment.attachmentId
    } of ${vpcId} has no subnet in ${missing.join(
      ', ',
    )}; the load balancer's nodes there could not reach the transit gateway. ` +
      `Ask the network team to add a subnet in ${
        missing.length > 1 ? 'each of those zones' : 'that zone'
      } to the attachment, or narrow the filters to the zones it serves (${
        [...served].filter(Boolean).sort().join(', ') || 'none'
      }).`,
  ];
}
