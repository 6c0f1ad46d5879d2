import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  DELEGATE_SUBDOMAIN_ACTION_ID,
  DelegationChange,
  inputProperties,
  Route53Change,
} from '@internal/plugin-internal-api-common';
import {
  applyDelegation,
  InternalApiContext,
  normalizeDomainName,
  planDelegation,
} from '@internal/plugin-internal-api-node';
import type { CatalogAccess } from '../catalog/catalogAccess';
import { findNameClaims } from '../catalog/nameClaims';
import { auditedCheckpoint, delegationWriteEvent } from '../audit/planWrites';
import { AuditAccess, taskAudit } from '../audit/taskAudit';
import { examples } from './delegateSubdomain.examples';

export { DELEGATE_SUBDOMAIN_ACTION_ID };

/** Stands in for the zone id in a dry-run when the zone does not exist yet. */
export const DRY_RUN_ZONE_ID = 'Z00000000000DRYRUN';

export interface DelegateSubdomainOptions
  extends InternalApiContext,
    CatalogAccess,
    AuditAccess {
  /** TTL of the NS record in the parent zone; default 3600 s. */
  nsTtlSeconds?: number;
}

/**
 * Makes `domainName` a zone of its own in the workload account and delegates
 * it from the closest configured parent zone. Never takes over a name that is
 * delegated or used elsewhere, nor one the catalog or a zone's mark gives to
 * another API; a re-run of the same API changes nothing.
 */
export function createDelegateSubdomainAction(
  options: DelegateSubdomainOptions,
) {
  const { internalApi, aws } = options;
  const catalogAccess: CatalogAccess = {
    catalog: options.catalog,
    auth: options.auth,
  };
  return createTemplateAction({
    id: DELEGATE_SUBDOMAIN_ACTION_ID,
    description:
      "Creates the API's public hosted zone in the workload account (if absent), marked with the API's name, and " +
      'delegates it with an NS record from the closest configured parent zone. Refuses to take over existing ' +
      'delegations or records, a zone another API created, or a domain another catalog entity annotates ' +
      '(internal-api.platform/domain). Does not wait for Route 53 to report the NS change INSYNC: it outputs the ' +
      'change as accepted (delegationChange), and the entity card shows when it is in sync.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        domainName: z =>
          inputProperties
            .domainName(z)
            .describe(
              "The API's domain, a strict subdomain of a configured parent zone",
            ),
        accountId: z =>
          inputProperties
            .accountId(z)
            .describe('Workload account that owns the subdomain zone'),
        apiName: z =>
          inputProperties
            .apiName(z)
            .describe(
              "The API's catalog name (the Component's metadata.name): the zone is marked with it, and only a re-run " +
                'of the same API may reuse the zone or a domain the catalog gives to it',
            ),
        planOnly: inputProperties.planOnly,
      },
      output: {
        hostedZoneId: z =>
          z
            .string()
            .describe(
              `The subdomain zone; ${DRY_RUN_ZONE_ID} in a dry-run before it exists`,
            ),
        nameServers: z => z.array(z.string()),
        parentDomain: z => z.string(),
        changes: z =>
          z
            .array(
              z.object({
                change: z.string(),
                target: z.string(),
                status: z.string(),
              }),
            )
            .describe('Each write: unchanged, planned (dry-run) or created'),
        delegationChange: z =>
          z
            .object({
              id: z.string(),
              status: z.enum(['PENDING', 'INSYNC']),
              submittedAt: z.string().optional(),
            })
            .optional()
            .describe(
              "The parent's NS change as Route 53 accepted it (id C…, PENDING until every Route 53 name server " +
                'has it, about a minute); absent when this run wrote no NS record. The task does not wait for INSYNC.',
            ),
      },
    },
    async handler(ctx) {
      const { domainName, accountId, apiName } = ctx.input;
      // Asked before any AWS call, in a dry-run and planOnly too: a domain
      // another API holds is refused before the first write of the template.
      const catalogClaims = await findNameClaims(
        catalogAccess,
        'domain',
        normalizeDomainName('domainName', domainName),
      );
      await aws.withClients(ctx.user?.ref, async clients => {
        const plan = await planDelegation(internalApi, clients, {
          domainName,
          accountId,
          apiName,
          catalogClaims,
        });
        let zone = plan.childZone;
        let changes: DelegationChange[] = plan.changes;
        let nsChange: Route53Change | undefined;
        if (ctx.isDryRun || ctx.input.planOnly) {
          logChanges(ctx.logger, 'Plan only, would write', changes);
        } else {
          ({ zone, changes, nsChange } = await applyDelegation(plan, clients, {
            checkpoint: auditedCheckpoint(
              taskAudit(options.auditor, ctx, DELEGATE_SUBDOMAIN_ACTION_ID),
              ctx,
              plan,
              delegationWriteEvent(plan),
            ),
            // Marks the zone `internal-api/<apiName>/<task id>`: the same on every retry of this task.
            taskId: ctx.task.id,
            nsTtlSeconds: options.nsTtlSeconds ?? 3600,
          }));
          logChanges(ctx.logger, 'Wrote', changes);
          for (const line of nsChange ? acceptedLines(nsChange) : []) {
            ctx.logger.info(line);
          }
        }
        ctx.output('hostedZoneId', zone?.hostedZoneId ?? DRY_RUN_ZONE_ID);
        ctx.output('nameServers', zone?.nameServers ?? []);
        ctx.output('parentDomain', plan.parent.domain);
        ctx.output('changes', changes);
        if (nsChange) {
          ctx.output('delegationChange', nsChange);
        }
      });
    },
  });
}

/**
 * What "done" means for DNS: Route 53 accepted the delegation; in sync comes
 * later on its own. Short lines: the task page's log viewer cuts long ones.
 */
function acceptedLines(change: Route53Change): string[] {
  return change.status === 'INSYNC'
    ? [`Route 53 accepted the delegation (change ${change.id}): in sync.`]
    : [
        `Route 53 accepted the delegation (change ${change.id}, PENDING).`,
        "It is in sync within about a minute; the API's card shows when.",
      ];
}

function logChanges(
  logger: { info(message: string): void },
  verb: string,
  changes: DelegationChange[],
) {
  const writes = changes.filter(change => change.status !== 'unchanged');
  if (writes.length === 0) {
    logger.info('Nothing to write: the zone exists and is delegated.');
    return;
  }
  // A change a line: the task page's log viewer cuts long lines.
  logger.info(`${verb}:`);
  for (const change of writes) {
    logger.info(`- ${change.target}`);
  }
}
