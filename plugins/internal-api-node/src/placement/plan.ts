import { InputError } from '@backstage/errors';
import type {
  PlacementPreview,
  PlacementPreviewRequest,
} from '@internal/plugin-internal-api-common';
import type { AwsClients } from '../aws/access';
import { describeSubnets, describeVpc } from '../aws/vpcs';
import {
  findWorkloadAccount,
  InternalApiConfig,
  workloadVpcId,
} from '../config';
import {
  placementProblems,
  subnetsByZone,
  validateSubnetFilters,
} from './rules';

/**
 * Read-only: the subnets the filters match in a workload account's VPC, by
 * zone, and every reason the placement would be refused. The placement action
 * and the form's live preview both run this, so they cannot disagree.
 * Placement has no apply: it only reads. Refuses (InputError, before any AWS
 * call where it can) an account that is not configured, a VPC other than the
 * account's configured one, a malformed filter, or a configured VPC that does
 * not exist. Three EC2 calls however many subnets and route tables.
 */
export async function planPlacement(
  internalApi: InternalApiConfig,
  clients: AwsClients,
  request: PlacementPreviewRequest & { vpcId?: string },
): Promise<PlacementPreview> {
  const { accountId, region, subnetFilters } = request;
  const account = findWorkloadAccount(internalApi, accountId, region);
  const vpcId = workloadVpcId(account, request.vpcId, { canBeEmpty: true });
  validateSubnetFilters(subnetFilters);

  const ec2 = await clients.ec2(account);
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
      subnetFilters.map(({ name, values }) => ({ Name: name, Values: values })),
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
}
