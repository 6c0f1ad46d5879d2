import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  inputProperties,
  RESOLVE_PLACEMENT_ACTION_ID,
} from '@internal/plugin-internal-api-common';
import {
  InternalApiContext,
  planPlacement,
} from '@internal/plugin-internal-api-node';
import { examples } from './resolvePlacement.examples';

export { RESOLVE_PLACEMENT_ACTION_ID };

/**
 * Turns "account + subnet filters" into exact network facts the CDK skeleton
 * synthesizes from offline, and refuses an image the tasks could not pull
 * there. Read-only, so it runs the same in dry-run.
 */
export function createResolvePlacementAction(options: InternalApiContext) {
  const { internalApi, aws } = options;
  return createTemplateAction({
    id: RESOLVE_PLACEMENT_ACTION_ID,
    description:
      'Resolves where an internal API runs: one private subnet per Availability Zone in a workload VPC, ' +
      'with CIDRs and route tables. Refuses placements a Network Load Balancer cannot take.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        accountId: z =>
          inputProperties
            .accountId(z)
            .describe('Workload account (one of internalApi.workloadAccounts)'),
        region: z =>
          inputProperties
            .region(z)
            .describe("The account's region for internal APIs, e.g. eu-west-1"),
        vpcId: z =>
          inputProperties
            .vpcId(z)
            .optional()
            .describe(
              "Optional: only the account's configured VPC (internalApi.workloadAccounts[].vpcId) is allowed, and empty means that one",
            ),
        subnetFilters: z =>
          inputProperties
            .subnetFilters(z)
            .describe(
              'EC2 DescribeSubnets filters, e.g. [{ name: tag:Tier, values: [private] }]; scoped to the VPC',
            ),
        image: z =>
          z
            .string()
            .max(512)
            .optional()
            .describe(
              "Optional: the API's container image. Refused when its tasks could not pull it from these subnets " +
                "(without a NAT route only ECR in the account's region is reachable, through the VPC's endpoints)",
            ),
      },
      output: {
        accountId: z => z.string(),
        region: z => z.string(),
        vpcId: z => z.string(),
        vpcCidr: z => z.string(),
        availabilityZones: z => z.array(z.string()).describe('Sorted'),
        subnets: z =>
          z
            .array(
              z.object({
                subnetId: z.string(),
                availabilityZone: z.string(),
                cidr: z.string(),
                routeTableId: z.string(),
              }),
            )
            .describe('One per Availability Zone, sorted by zone'),
        vpcEndpoints: z =>
          z
            .array(z.string())
            .describe(
              'The endpoints the API needs (of ecr.api, ecr.dkr, logs, s3) that the VPC already has: the stack must not create them again',
            ),
        egressRoute: z =>
          z
            .boolean()
            .describe(
              "Whether every chosen subnet's route table sends 0.0.0.0/0 where the tasks can leave by (NAT gateway, transit gateway, appliance; not an internet gateway: the tasks get no public IP)",
            ),
      },
    },
    async handler(ctx) {
      const { accountId, region, vpcId, subnetFilters, image } = ctx.input;
      const preview = await aws.withClients(ctx.user?.ref, clients =>
        planPlacement(
          internalApi,
          clients,
          { accountId, region, vpcId, subnetFilters, image },
          { facts: true },
        ),
      );
      if (preview.problems.length > 0) {
        throw new InputError(preview.problems.join(' '));
      }
      // No problems: exactly one subnet per zone.
      const subnets = preview.zones.map(zone => zone.subnets[0]);

      // A subnet a line: the task page's log viewer cuts long lines.
      ctx.logger.info(
        `Placement in ${preview.vpcId} (${preview.vpcCidr}), one subnet per zone:`,
      );
      for (const s of subnets) {
        ctx.logger.info(`- ${s.availabilityZone}: ${s.subnetId} (${s.cidr})`);
      }
      ctx.output('accountId', accountId);
      ctx.output('region', region);
      ctx.output('vpcId', preview.vpcId);
      ctx.output('vpcCidr', preview.vpcCidr);
      ctx.output(
        'availabilityZones',
        subnets.map(s => s.availabilityZone),
      );
      ctx.output('subnets', subnets);
      ctx.output('vpcEndpoints', preview.facts!.vpcEndpoints);
      ctx.output('egressRoute', preview.egressRoute);
    },
  });
}
