import { InputError } from '@backstage/errors';
import type { AwsClients } from './aws/clients';
import { describeSubnets, describeVpc } from './aws/network';
import {
  findWorkloadAccount,
  InternalApiConfig,
  workloadVpcId,
} from './config';
import {
  placementProblems,
  SubnetFilter,
  subnetsByZone,
  validateSubnetFilters,
  ZoneSubnets,
} from './placement';

export interface PlacementPreview {
  accountId: string;
  region: string;
  vpcId: string;
  vpcCidr: string;
  /** The subnets the filters match, by zone. */
  zones: ZoneSubnets[];
  /** Why a Network Load Balancer could not take them; empty when it can. */
  problems: string[];
}

/**
 * Read-only: the subnets the filters match in a workload account's VPC, by
 * zone, and every reason the placement would be refused. The placement action
 * and the form's live preview both run this, so they cannot disagree.
 * Refuses (InputError, before any AWS call where it can) an account that is
 * not configured, a VPC other than the account's configured one, a malformed
 * filter, or a configured VPC that does not exist.
 */
export async function previewPlacement(options: {
  internalApi: InternalApiConfig;
  aws: AwsClients;
  accountId: string;
  region: string;
  vpcId?: string;
  subnetFilters: SubnetFilter[];
  /** Who asked, for the assumed role's session name. */
  initiator?: string;
}): Promise<PlacementPreview> {
  const { accountId, region, subnetFilters } = options;
  const account = findWorkloadAccount(options.internalApi, accountId, region);
  const vpcId = workloadVpcId(account, options.vpcId, { canBeEmpty: true });
  validateSubnetFilters(subnetFilters);

  const ec2 = await options.aws.ec2(account, options.initiator);
  try {
    const vpc = await describeVpc(ec2, vpcId);
    if (!vpc) {
      throw new InputError(
        `The VPC configured for account ${accountId} (${account.title}), '${vpcId}', was not found in region ${region}. ` +
          'A platform engineer corrects internalApi.workloadAccounts[].vpcId in app-config.yaml.',
      );
    }
    const zones = subnetsByZone(
      await describeSubnets(
        ec2,
        vpcId,
        subnetFilters.map(({ name, values }) => ({
          Name: name,
          Values: values,
        })),
      ),
    );
    return {
      accountId,
      region,
      vpcId,
      vpcCidr: vpc.vpcCidr,
      zones,
      problems: placementProblems(zones, vpcId, subnetFilters),
    };
  } finally {
    ec2.destroy();
  }
}
