import { InputError } from '@backstage/errors';
import {
  imagePullProblem,
  type PlacementFacts,
  type PlacementPreview,
  type PlacementPreviewRequest,
} from '@internal/plugin-internal-api-common';
import type { AwsClients } from '../aws/access';
import { describeVpcAttachments } from '../aws/transitGateway';
import { describeSubnets, describeVpc, subnetZones } from '../aws/vpcs';
import {
  assertTransitGatewayRegion,
  findWorkloadAccount,
  InternalApiConfig,
  workloadVpcId,
} from '../config';
import {
  attachmentProblems,
  placementProblems,
  subnetProblems,
  subnetsByZone,
  validateSubnetFilters,
} from './rules';
import { allHaveEgress, placementFacts, readVpcStackFacts } from './facts';

/**
 * Read-only: the subnets the filters match in a workload account's VPC, by
 * zone, and every reason the placement would be refused. The placement action
 * and the form's live preview both run this, so they cannot disagree.
 * Placement has no apply: it only reads. Refuses (InputError, before any AWS
 * call where it can) an account that is not configured, a VPC other than the
 * account's configured one, a malformed filter, or a configured VPC that does
 * not exist. Three EC2 calls however many subnets and route tables, and two
 * more when a transit gateway is configured (its attachment of the VPC, as
 * the network account sees it, and the zones of the VPC's subnets), all sent
 * at once: one round trip after the accounts' sessions.
 */
export async function planPlacement(
  internalApi: InternalApiConfig,
  clients: AwsClients,
  request: PlacementPreviewRequest & {
    vpcId?: string;
    /** The API's container image: refused when its tasks could not pull it from these subnets. */
    image?: string;
  },
  options: {
    /**
     * Also read what the generated stack needs (endpoints, egress) and refuse a
     * VPC without DNS support and host names: three more calls. The action
     * asks; the form's live preview, which runs as the person types, does not.
     */
    facts?: boolean;
  } = {},
): Promise<PlacementPreview & { facts?: PlacementFacts }> {
  const { accountId, region, subnetFilters } = request;
  const account = findWorkloadAccount(internalApi, accountId, region);
  const vpcId = workloadVpcId(account, request.vpcId, { canBeEmpty: true });
  validateSubnetFilters(subnetFilters);
  const { transitGateway } = internalApi;
  if (transitGateway) {
    assertTransitGatewayRegion(
      `Account ${accountId} (${account.title})`,
      account,
      transitGateway,
    );
  }

  const ec2 = await clients.ec2(account);
  const filters = subnetFilters.map(({ name, values }) => ({
    Name: name,
    Values: values,
  }));
  // Every read at once (none needs another's answer), then the checks in the
  // order they always had: a VPC that is not there is refused first.
  const reads = {
    vpc: describeVpc(ec2, vpcId),
    subnets: describeSubnets(ec2, vpcId, filters),
    // The gateway's owner sees every attachment to it; the subnets are the
    // workload account's, and an attachment's subnets are in its VPC.
    attachments:
      transitGateway &&
      (async () =>
        describeVpcAttachments(
          await clients.ec2(transitGateway),
          transitGateway.id,
          [vpcId],
        ))(),
    subnetZones: transitGateway && subnetZones(ec2, { vpcId }),
    facts: options.facts ? readVpcStackFacts(ec2, vpcId) : undefined,
  };
  await Promise.allSettled(Object.values(reads));

  const vpc = await reads.vpc;
  if (!vpc) {
    throw new InputError(
      `The VPC configured for account ${accountId} (${account.title}), '${vpcId}', was not found in region ${region}. ` +
        'A platform engineer corrects internalApi.workloadAccounts[].vpcId in app-config.yaml.',
    );
  }
  const subnets = await reads.subnets;
  const zones = subnetsByZone(
    subnets.map(({ subnetId, availabilityZone, cidr, routeTableId }) => ({
      subnetId,
      availabilityZone,
      cidr,
      routeTableId,
    })),
  );
  const problems = [
    ...placementProblems(zones, vpcId, subnetFilters),
    ...subnetProblems(subnets, vpcId, vpc.vpcCidr),
  ];
  if (transitGateway && zones.length > 0) {
    problems.push(
      ...attachmentProblems({
        vpcId,
        transitGatewayId: transitGateway.id,
        attachments: (await reads.attachments)!,
        attachmentSubnetZones: (await reads.subnetZones)!,
        zones: zones.map(zone => zone.availabilityZone),
      }),
    );
  }
  const egressRoute = allHaveEgress(subnets);
  const imageProblem =
    request.image &&
    imagePullProblem({ image: request.image, region, egressRoute });
  if (imageProblem) {
    problems.push(imageProblem);
  }
  let facts: PlacementFacts | undefined;
  if (reads.facts) {
    const read = placementFacts(await reads.facts, vpcId, subnets);
    facts = read.facts;
    problems.push(...read.problems);
  }
  return {
    accountId,
    region,
    vpcId,
    vpcCidr: vpc.vpcCidr,
    zones,
    egressRoute,
    problems,
    ...(facts && { facts }),
  };
}
