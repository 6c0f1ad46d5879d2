import type {
  ConsumerAccess,
  PlacementPreview,
  SubnetFacts,
  WorkloadAccount,
  ZoneSubnets,
} from '@internal/plugin-internal-api-common';

export const payments: WorkloadAccount = {
  accountId: '555566667777',
  title: 'Payments',
  region: 'eu-central-1',
  vpcId: 'vpc-0a1b2c3d',
};

/** A consumer the signed-in user may add, as `GET /consumers` marks it. */
export const mayAdd: ConsumerAccess = {
  decision: 'allowed',
  reason:
    'user:default/sam may use it: a member of group:default/orders-team, one of its owners.',
};

export const subnet = (
  availabilityZone: string,
  subnetId: string,
  cidr: string,
): SubnetFacts => ({
  subnetId,
  availabilityZone,
  cidr,
  routeTableId: 'rtb-0a1b2c3d',
});

export const zone = (
  availabilityZone: string,
  ...subnets: [subnetId: string, cidr: string][]
): ZoneSubnets => ({
  availabilityZone,
  subnets: subnets.map(([id, cidr]) => subnet(availabilityZone, id, cidr)),
});

/** A preview in the Payments account's VPC. */
export const placementPreview = (
  zones: ZoneSubnets[],
  problems: string[] = [],
  egressRoute = false,
): PlacementPreview => ({
  accountId: payments.accountId,
  region: 'eu-west-1',
  vpcId: 'vpc-p',
  vpcCidr: '10.20.0.0/16',
  zones,
  egressRoute,
  problems,
});
