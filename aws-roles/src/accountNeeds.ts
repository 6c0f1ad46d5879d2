import type { AwsRolesConfig } from './config';

/** A VPC in one region of an account. */
export interface VpcRef {
  region: string;
  vpcId: string;
}

/**
 * What Backstage does in one account, by the kinds the account is: its one
 * role gets the union. An account of no kind gets no stack.
 */
export interface AccountNeeds {
  accountId: string;
  /**
   * The stack's region: the workload account's, else the first region the
   * landscape names for the account, else the landscape's first region (a
   * DNS account has none of its own). IAM is global; it only picks the CDK
   * bootstrap roles the deploy role may assume.
   */
  region: string;
  /** Workload: the VPCs where APIs are placed and routed from. */
  workloadVpcs: VpcRef[];
  /** Consumer: VPCs whose route tables get routes to the APIs (consumers sharing a VPC count once). */
  consumerVpcs: VpcRef[];
  /** Network: the transit gateway this account owns. */
  transitGateway?: {
    region: string;
    id: string;
    routeTableId?: string;
    /**
     * Accounts whose attachments a static route may target: the provider VPCs
     * are the workload accounts', and the gateway's owner sees each attachment
     * too.
     */
    attachmentAccountIds: string[];
  };
  /** DNS: the parent zones this account owns. */
  parentZones: Array<{ domain: string; hostedZoneId: string }>;
}

const uniqueVpcs = (vpcs: VpcRef[]) =>
  vpcs.filter(
    (vpc, index) =>
      vpcs.findIndex(
        other => other.vpcId === vpc.vpcId && other.region === vpc.region,
      ) === index,
  );

/** The accounts of the landscape, in the order the config first names them, each with what its role needs. */
export function accountNeedsOf(config: AwsRolesConfig): AccountNeeds[] {
  const {
    workloadAccounts,
    consumers = [],
    transitGateway,
  } = config.internalApi;
  const parentZones = config.internalApi.parentZones ?? [];
  const regionsByAccount = new Map<string, string[]>();
  const note = (accountId: string, region?: string) => {
    const regions = regionsByAccount.get(accountId) ?? [];
    if (region && !regions.includes(region)) {
      regions.push(region);
    }
    regionsByAccount.set(accountId, regions);
  };
  workloadAccounts.forEach(a => note(a.accountId, a.region));
  consumers.forEach(c => note(c.accountId, c.region));
  if (transitGateway) {
    note(transitGateway.accountId, transitGateway.region);
  }
  parentZones.forEach(z => note(z.accountId));
  const landscapeRegion = [...regionsByAccount.values()].flat()[0];

  return [...regionsByAccount].map(([accountId, regions]) => {
    const inAccount = <T extends { accountId: string }>(items: T[]) =>
      items.filter(item => item.accountId === accountId);
    const workloadVpcs = uniqueVpcs(
      inAccount(workloadAccounts).map(({ region, vpcId }) => ({
        region,
        vpcId,
      })),
    );
    return {
      accountId,
      region: workloadVpcs[0]?.region ?? regions[0] ?? landscapeRegion,
      workloadVpcs,
      consumerVpcs: uniqueVpcs(
        inAccount(consumers).map(({ region, vpcId }) => ({ region, vpcId })),
      ),
      transitGateway:
        transitGateway?.accountId === accountId
          ? {
              region: transitGateway.region,
              id: transitGateway.id,
              routeTableId: transitGateway.routeTableId,
              attachmentAccountIds: [
                ...new Set([
                  accountId,
                  ...workloadAccounts.map(a => a.accountId),
                ]),
              ],
            }
          : undefined,
      parentZones: inAccount(parentZones).map(({ domain, hostedZoneId }) => ({
        domain,
        hostedZoneId,
      })),
    };
  });
}
