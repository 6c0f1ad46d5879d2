import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { inputProperties } from '@internal/plugin-internal-api-common';
import {
  applyRouteDeregistration,
  InternalApiContext,
  planRouteDeregistration,
  proveRouteRemovalsAllowed,
  removalText,
  RouteRemoval,
  routeScope,
} from '@internal/plugin-internal-api-node';
import {
  AccessOptions,
  initiatorOf,
  requireMayChangeApi,
  requireAdmin,
  requireMayCleanUp,
} from '../access/actionAccess';
import { parseApiEntityRef } from '../catalog/apiEntity';
import { findRouteClaims } from '../catalog/routeClaims';
import { auditedCheckpoint, routeWriteEvent } from '../audit/planWrites';
import { AuditAccess, taskAudit } from '../audit/taskAudit';
import { examples } from './deregisterRoutes.examples';
import { logLines, skippedTableLines } from './routeLog';

export const DEREGISTER_ROUTES_ACTION_ID = 'internal-api:tgw:deregister-routes';

/**
 * Removes the transit gateway routes between an API's VPC and some consumers
 * once no other internal API in the catalog needs them, and never a route
 * that is not exactly the one register creates.
 */
export function createDeregisterRoutesAction(
  options: InternalApiContext & AccessOptions & AuditAccess,
) {
  const { internalApi, aws, auditor, catalog, auth } = options;
  return createTemplateAction({
    id: DEREGISTER_ROUTES_ACTION_ID,
    description:
      "Removes the routes internal-api:tgw:register-routes created for consumers an API drops (or for all of a decommissioned API's): " +
      'both directions, and on decommission the static transit gateway route, each only when no other internal API in the ' +
      'same account and VPC (per the catalog) still lists the consumer, and only routes to the configured transit gateway ' +
      'for exactly the CIDR register uses. Anything else is left and reported. ' +
      "Only the API's owner or an admin may; with halfCreated, or without entityRef, only admins.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        accountId: z =>
          inputProperties
            .accountId(z)
            .describe(
              'Workload account of the API (its aws.amazon.com/account-id annotation)',
            ),
        region: z =>
          inputProperties.region(z).describe("The workload account's region"),
        vpcId: z =>
          inputProperties
            .vpcId(z)
            .optional()
            .describe(
              "The API's VPC (its internal-api.platform/vpc-id annotation); left out, the account's configured VPC, the only one an API can be in",
            ),
        consumers: z =>
          inputProperties
            .consumerNames(z)
            .describe(
              'Consumers whose routes to the API go: names from internalApi.consumers',
            ),
        entityRef: z =>
          z
            .string()
            .optional()
            .describe(
              'The API being changed, e.g. component:default/orders-api: left out of the count, since its entity may still list the consumers',
            ),
        decommission: z =>
          z
            .boolean()
            .default(false)
            .describe(
              'The API goes away: also remove its static transit gateway route, unless another API in the VPC remains. Needs entityRef, or halfCreated',
            ),
        halfCreated: z =>
          z
            .boolean()
            .default(false)
            .describe(
              'Clean up a creation that failed half-way: it never reached the catalog, so there is no entityRef, and every entity in the VPC counts as another API. With decommission',
            ),
        planOnly: inputProperties.planOnly,
      },
      output: {
        consumerCidrs: z =>
          z
            .array(z.object({ name: z.string(), cidr: z.string() }))
            .describe(
              "The dropped consumers' VPC CIDRs, for the API's security group",
            ),
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
                vpcId: z.string().optional(),
                consumer: z.string().optional(),
                status: z
                  .string()
                  .describe(
                    'planned (dry-run, planOnly), removed, kept, foreign or absent',
                  ),
                neededBy: z
                  .array(z.string())
                  .optional()
                  .describe(
                    'kept: the catalog entities that still need the route',
                  ),
                foundTarget: z
                  .string()
                  .optional()
                  .describe(
                    'foreign: where the route leads instead of the target register uses',
                  ),
                reason: z.string().optional(),
                mainRouteTable: z.boolean().optional(),
              }),
            )
            .describe('Every route looked at, with what happened to it'),
        skippedRouteTables: z =>
          z
            .array(
              z.object({
                routeTableId: z.string(),
                vpc: z.string(),
                reason: z.string(),
              }),
            )
            .describe(
              'Route tables left alone, and why: edge route tables, tables no subnet uses',
            ),
      },
    },
    async handler(ctx) {
      const { accountId, region, consumers, decommission, halfCreated } =
        ctx.input;
      const entityRef = ctx.input.entityRef?.trim()
        ? parseApiEntityRef(ctx.input.entityRef)
        : undefined;
      // No vpcId (a half-created API has no entity to read it from): the account's configured VPC,
      // as the plan takes it. What config does not hold is refused here, before the catalog is read.
      const { vpcId } = routeScope(
        internalApi,
        { accountId, region, vpcId: ctx.input.vpcId, consumers },
        { vpcIdCanBeEmpty: true },
      );
      // Who may, before any AWS call: the API's owner, or for what no entity owns, an admin.
      const initiator = await initiatorOf(options, ctx, 'Removing routes');
      if (halfCreated) {
        requireMayCleanUp(initiator, ctx.logger);
      } else if (entityRef) {
        await requireMayChangeApi(options, initiator, entityRef, ctx.logger);
      } else {
        requireAdmin(
          initiator,
          'remove routes without naming the API (entityRef), as no owner can be checked',
          ctx.logger,
        );
      }
      // Read before any AWS call, in a dry-run and planOnly too: the plan is the real one.
      const claims = await findRouteClaims(
        { catalog, auth },
        { accountId, vpcId },
      );
      await aws.withClients(ctx.user?.ref, async clients => {
        const plan = await planRouteDeregistration(internalApi, clients, {
          accountId,
          region,
          vpcId,
          consumers,
          entityRef,
          decommission,
          halfCreated,
          claims,
        });
        if (halfCreated) {
          ctx.logger.info(
            `A creation that failed half-way (no entity): each of the ${claims.length} catalog entities in ${vpcId} counts as another API.`,
          );
        }
        logLines(ctx.logger, skippedTableLines(plan.skipped));
        let routes: RouteRemoval[] = plan.changes;
        if (ctx.isDryRun || ctx.input.planOnly) {
          // A missing permission fails here, in the check step, not halfway through the removal.
          await proveRouteRemovalsAllowed(plan, clients);
          logLines(ctx.logger, removalLines('Plan only, would remove', routes));
        } else {
          routes = await applyRouteDeregistration(
            plan,
            clients,
            auditedCheckpoint(
              taskAudit(auditor, ctx, DEREGISTER_ROUTES_ACTION_ID),
              ctx,
              plan,
              routeWriteEvent,
            ),
          );
          logLines(ctx.logger, removalLines('Removed', routes));
        }
        ctx.output('consumerCidrs', plan.consumerNetworks);
        ctx.output('routes', routes);
        ctx.output('skippedRouteTables', plan.skipped);
      });
    },
  });
}

/** The log lines: what went (or would go), what stays and why. */
export function removalLines(verb: string, routes: RouteRemoval[]): string[] {
  const gone = routes.filter(
    r => r.status === 'planned' || r.status === 'removed',
  );
  const group = (
    status: RouteRemoval['status'],
    title: string,
    why: (route: RouteRemoval) => string[],
  ) => {
    const rows = routes.filter(route => route.status === status);
    return rows.length === 0
      ? []
      : [
          `${title} (${rows.length}):`,
          ...rows.flatMap(route => [
            `- ${route.routeTableId} ${route.destinationCidrBlock}`,
            ...why(route).map(line => `  ${line}`),
          ]),
        ];
  };
  const absent = routes.filter(route => route.status === 'absent').length;
  return [
    gone.length === 0
      ? 'No route to remove.'
      : `${verb} ${gone.length} of ${routes.length} routes:`,
    ...gone.map(route => `- ${removalText(route)}`),
    ...group('kept', 'Kept, other APIs still need them', route =>
      (route.neededBy ?? []).map(ref => `needed by ${ref}`),
    ),
    ...group('foreign', 'Left alone, not the route register creates', route =>
      route.reason === 'a default route is never removed'
        ? [route.reason]
        : [`leads to ${route.foundTarget}, not ${route.target}`],
    ),
    ...(absent > 0 ? [`Already absent: ${absent}.`] : []),
  ];
}
