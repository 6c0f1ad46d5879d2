import {
  ActionContext,
  createTemplateAction,
} from '@backstage/plugin-scaffolder-node';
import {
  inputProperties,
  INTERNAL_API_ANNOTATIONS,
  parseConsumersAnnotation,
  REGISTER_ROUTES_ACTION_ID,
} from '@internal/plugin-internal-api-common';
import {
  applyRoutes,
  InternalApiContext,
  planRoutes,
  proveRouteWritesAllowed,
  RouteChange,
  routeScope,
  routeText,
} from '@internal/plugin-internal-api-node';
import type { Entity } from '@backstage/catalog-model';
import {
  AccessOptions,
  initiatorOf,
  requireMayChangeApi,
} from '../access/actionAccess';
import { requireMayAddConsumers } from '../access/consumerAccess';
import { parseApiEntityRef } from '../catalog/apiEntity';
import { auditedCheckpoint, routeWriteEvent } from '../audit/planWrites';
import { AuditAccess, taskAudit } from '../audit/taskAudit';
import { examples } from './registerRoutes.examples';
import { logLines, skippedTableLines } from './routeLog';

export { REGISTER_ROUTES_ACTION_ID };

/**
 * Ensures traffic flows both ways through the transit gateway between the
 * provider VPC and each chosen consumer VPC, writing only missing routes and
 * never replacing a route that leads elsewhere.
 */
export function createRegisterRoutesAction(
  options: InternalApiContext & AuditAccess & AccessOptions,
) {
  const { internalApi, aws, auditor } = options;
  return createTemplateAction({
    id: REGISTER_ROUTES_ACTION_ID,
    description:
      'Adds transit gateway routes between the API (provider) VPC and consumer VPCs: consumer route tables to the ' +
      "provider CIDR, the provider subnets' route tables to each consumer CIDR, and (when configured) a static " +
      'transit gateway route to the provider attachment. Existing identical routes count as done. ' +
      "Who may, checked before any AWS call: each consumer the API's entity does not list yet needs its owners or an admin; " +
      "where its config says approval: required, the task stops until an owner approves it and is then retried. With entityRef, only the API's owner or an admin.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        accountId: z =>
          inputProperties.accountId(z).describe('Workload account of the API'),
        region: z =>
          inputProperties.region(z).describe("The workload account's region"),
        vpcId: z =>
          inputProperties
            .vpcId(z)
            .describe(
              "The provider VPC, as internal-api:placement:resolve outputs it; must be the account's configured VPC",
            ),
        subnets: z =>
          inputProperties
            .placedSubnets(z)
            .describe(
              "The API's subnets from internal-api:placement:resolve; their route tables get the return routes",
            ),
        planOnly: inputProperties.planOnly,
        consumers: z =>
          inputProperties
            .consumerNames(z)
            .describe('Names of consumer networks from internalApi.consumers'),
        entityRef: z =>
          z
            .string()
            .optional()
            .describe(
              'The API being changed (day 2), e.g. component:default/orders-api: only its owner or an admin may, and only the consumers its entity does not list yet are checked. Left out when the API is being created',
            ),
        domainName: z =>
          inputProperties
            .domainName(z)
            .optional()
            .describe(
              "The API's domain, named in the approval a consumer with approval: required asks for; left out, the entity's",
            ),
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
                coveredBy: z
                  .string()
                  .optional()
                  .describe(
                    'What already carries the traffic instead: a broader route or a prefix list to the same transit gateway, or propagation',
                  ),
                mainRouteTable: z
                  .boolean()
                  .optional()
                  .describe(
                    "The VPC's main route table: the route also applies to subnets created later without a table of their own",
                  ),
              }),
            )
            .describe(
              'Every route ensured: already-present, planned (dry-run) or created',
            ),
        skippedRouteTables: z =>
          z
            .array(
              z.object({
                routeTableId: z.string(),
                vpc: z
                  .string()
                  .describe(
                    'The VPC it is in: provider <vpc id>, or consumer <name> (<vpc id>)',
                  ),
                reason: z.string(),
              }),
            )
            .describe(
              'Route tables left alone, and why: edge route tables, and tables no subnet uses',
            ),
      },
    },
    async handler(ctx) {
      const { accountId, region, vpcId, subnets, consumers } = ctx.input;
      // What config does not hold is an InputError first; then who may, both before any AWS call.
      routeScope(
        internalApi,
        { accountId, region, vpcId, consumers },
        { vpcIdCanBeEmpty: false },
      );
      await requireMayRoute(options, ctx);
      await aws.withClients(ctx.user?.ref, async clients => {
        const plan = await planRoutes(internalApi, clients, {
          accountId,
          region,
          vpcId,
          routeTableIds: subnets.map(subnet => subnet.routeTableId),
          consumers,
        });
        logLines(ctx.logger, skippedTableLines(plan.skipped));
        let routes: RouteChange[] = plan.changes;
        if (ctx.isDryRun || ctx.input.planOnly) {
          // A missing permission fails here, in the check step, not halfway through the apply.
          await proveRouteWritesAllowed(plan, clients);
          logLines(ctx.logger, routeLines('Plan only, would create', routes));
        } else {
          routes = await applyRoutes(
            plan,
            clients,
            auditedCheckpoint(
              taskAudit(auditor, ctx, REGISTER_ROUTES_ACTION_ID),
              ctx,
              plan,
              routeWriteEvent,
            ),
          );
          logLines(ctx.logger, routeLines('Created', routes));
        }
        ctx.output('consumerCidrs', plan.consumerNetworks);
        ctx.output('routes', routes);
        ctx.output('skippedRouteTables', plan.skipped);
      });
    },
  });
}

/**
 * Refuses, before any AWS call, a user who may not change the API (day 2:
 * its entity's owner or an admin) or may not add one of the consumers its
 * entity does not list yet, and stops for the approvals still missing.
 */
async function requireMayRoute(
  options: AccessOptions,
  ctx: Pick<
    ActionContext<{
      accountId: string;
      consumers: string[];
      entityRef?: string;
      domainName?: string;
    }>,
    'input' | 'task' | 'isDryRun' | 'logger' | 'getInitiatorCredentials'
  >,
) {
  const { accountId, consumers, domainName } = ctx.input;
  const initiator = await initiatorOf(options, ctx, 'Adding consumers');
  let entity: Entity | undefined;
  if (ctx.input.entityRef?.trim()) {
    const entityRef = parseApiEntityRef(ctx.input.entityRef);
    entity = await requireMayChangeApi(
      options,
      initiator,
      entityRef,
      ctx.logger,
    );
  }
  const annotations = entity?.metadata.annotations ?? {};
  // Only the catalog says what the API already has, and only for this account.
  const current =
    annotations[INTERNAL_API_ANNOTATIONS.accountId] === accountId
      ? parseConsumersAnnotation(
          annotations[INTERNAL_API_ANNOTATIONS.consumers] ?? '',
        )
      : [];
  await requireMayAddConsumers(
    options,
    initiator,
    {
      taskId: ctx.task.id,
      consumers: consumers.filter(consumer => !current.includes(consumer)),
      accountId,
      api: domainName ?? annotations[INTERNAL_API_ANNOTATIONS.domain],
      isDryRun: ctx.isDryRun,
    },
    ctx.logger,
  );
}

/** The log lines of the routes written (or planned, by `verb`), and of those another route carries. */
export function routeLines(verb: string, routes: RouteChange[]): string[] {
  const written = routes.filter(route => route.status !== 'already-present');
  const covered = routes.filter(route => route.coveredBy);
  return [
    written.length === 0
      ? `All ${routes.length} routes are already present.`
      : `${verb} ${written.length} of ${routes.length} routes:`,
    ...written.flatMap(route => [
      `- ${routeText(route)}`,
      ...(route.mainRouteTable
        ? [
            '  (main route table: also for subnets added later without a table of their own)',
          ]
        : []),
    ]),
    ...(covered.length === 0
      ? []
      : [
          `No route needed where another already carries the traffic (${covered.length}):`,
          ...covered.flatMap(route => [
            `- ${route.routeTableId} ${route.destinationCidrBlock}`,
            `  carried by ${route.coveredBy}`,
          ]),
        ]),
  ];
}
