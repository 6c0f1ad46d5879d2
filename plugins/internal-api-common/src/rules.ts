import type { ZoneSubnets } from './types';

/**
 * Zones where the filters match more than one subnet. A Network Load Balancer
 * takes exactly one subnet per zone (trap 3: the CDK pattern takes every
 * matching subnet and the deploy fails); the placement refuses these zones
 * and the form marks them.
 */
export const crowdedZones = (zones: ZoneSubnets[]): ZoneSubnets[] =>
  zones.filter(zone => zone.subnets.length > 1);
