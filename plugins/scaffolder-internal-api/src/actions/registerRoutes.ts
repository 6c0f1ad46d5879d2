import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  ConsumerNetwork,
  findWorkloadAccount,
  InternalApiConfig,
  workloadVpcId,
} from '../config';
import {
  applyRouteRegistration,
  consumerSides,
  planRouteRegistration,
} from '../routeRegistration';
import type { RouteChange } from '../routing';
import { ACCOUNT_ID, VPC_ID } from './inputPatterns';
import type { InternalApiActionsOptions } from './options';
import { examples } from './registerRoutes.examples';

export const REGISTER_ROUTES_ACTION_ID = 'internal-api:tgw:register-routes';

/**
 * Ensures traffic flows both ways through the transit gateway between the
 * provider VPC and each chosen consumer VPC, writing only missing routes and
 * never replacing a route that leads elsewhere.
 */
export function createRegisterRoutesAction(options: InternalApiActionsOptions) {
  const { internalApi, aws } = options;
  return createTemplateAction({
    id: REGISTER_ROUTES_ACTION_ID,
    description:
      'Adds transit gateway routes between the API (provider) VPC and consumer VPCs: consumer route tables to the ' +
      "provider CIDR, the provider subnets' route tables to each consumer CIDR, and (when configured) a static " +
      'transit gateway route to the provider attachment. Existing identical routes count as done.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        accountId: z =>
          z
            .string()
            .regex(...ACCOUNT_ID)
            .describe('Workload account of the API'),
        region: z =>
          z.string().min(1).describe("The workload account's region"),
        vpcId: z =>
          z
            .string()
            .regex(...VPC_ID)
            .describe(
              "The provider VPC, as internal-api:placement:resolve outputs it; must be the account's configured VPC",
            ),
        subnets: z =>
          z
            .array(
              z
                .object({ routeTableId: z.string().regex(/^rtb-[0-9a-f]+$/) })
                .passthrough(),
            )
            .min(1)
            .describe(
              "The API's subnets from internal-api:placement:resolve; their route tables get the return routes",
            ),
        planOnly: z =>
          z
            .boolean()
            .default(false)
            .describe(
              'Check and plan only, writing nothing (as in a dry-run): lets a template validate before its first write',
            ),
        consumers: z =>
          z
            .array(z.string())
            .describe('Names of consumer networks from internalApi.consumers'),
      },
      output: {
        consumerCidrs: z =>
          z
            .array(z.object({ name: z.string(), cidr: z.string() }))
            .describe("Each consumer's VPC CIDR, for the API's security group"),
        routes: z =>
          z
            .array(
              z.object({
                kind: z.string(),
                accountId: z.string(),
                region: z.string(),
                routeTableId: z.string(),
                destinationCidrBlock: z.string(),
                target: z.string(),
                status: z.string(),
              }),
            )
            .describe(
              'Every route ensured: already-present, planned (dry-run) or created',
            ),
      },
    },
    async handler(ctx) {
      const { transitGateway } = internalApi;
      if (!transitGateway) {
        throw new InputError(
          'No transit gateway is configured: a platform engineer sets internalApi.transitGateway in app-config.yaml.',
        );
      }
      const account = findWorkloadAccount(
        internalApi,
        ctx.input.accountId,
        ctx.input.region,
      );
      const vpcId = workloadVpcId(account, ctx.input.vpcId, {
        canBeEmpty: false,
      });
      const consumers = findConsumers(internalApi, ctx.input.consumers);
      const routeTableIds = [
        ...new Set(ctx.input.subnets.map(subnet => subnet.routeTableId)),
      ];

      const initiator = ctx.user?.ref;
      const providerEc2 = await aws.ec2(account, initiator);
      const consumerEc2 = await Promise.all(
        consumers.map(consumer => aws.ec2(consumer, initiator)),
      );
      const network = await aws.ec2(transitGateway, initiator);
      try {
        const plan = await planRouteRegistration({
          provider: {
            label: `provider ${vpcId}`,
            location: account,
            vpcId,
            ec2: providerEc2,
            routeTableIds,
          },
          consumers: consumerSides(consumers, consumerEc2),
          transitGateway,
          network,
        });
        let routes: RouteChange[] = plan.changes;
        if (ctx.isDryRun || ctx.input.planOnly) {
          logRoutes(ctx.logger, 'Plan only, would create', routes);
        } else {
          routes = await applyRouteRegistration(
            plan,
            (key, fn) => ctx.checkpoint({ key, fn }) as Promise<any>,
          );
          logRoutes(ctx.logger, 'Created', routes);
        }
        ctx.output(
          'consumerCidrs',
          consumers.map((consumer, index) => ({
            name: consumer.name,
            cidr: plan.consumerCidrs[index],
          })),
        );
        ctx.output('routes', routes);
      } finally {
        [providerEc2, ...consumerEc2, network].forEach(client =>
          client.destroy(),
        );
      }
    },
  });
}

function findConsumers(
  internalApi: InternalApiConfig,
  names: string[],
): ConsumerNetwork[] {
  const unknown = names.filter(
    name => !internalApi.consumers.some(c => c.name === name),
  );
  if (unknown.length > 0) {
    const known =
      internalApi.consumers.map(c => c.name).join(', ') ||
      'none configured (internalApi.consumers)';
    throw new InputError(
      `consumers: ${unknown
        .map(n => `'${n}'`)
        .join(', ')} not configured. Choose from: ${known}.`,
    );
  }
  return [...new Set(names)].map(
    name => internalApi.consumers.find(c => c.name === name)!,
  );
}

function logRoutes(
  logger: { info(message: string): void },
  verb: string,
  routes: RouteChange[],
) {
  const written = routes.filter(route => route.status !== 'already-present');
  logger.info(
    written.length === 0
      ? `All ${routes.length} routes are already present.`
      : `${verb} ${written.length} of ${routes.length} routes: ${written
          .map(
            r => `${r.routeTableId} ${r.destinationCidrBlock} -> ${r.target}`,
          )
          .join('; ')}`,
  );
}
