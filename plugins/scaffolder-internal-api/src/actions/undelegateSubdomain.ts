import {
  ActionContext,
  createTemplateAction,
} from '@backstage/plugin-scaffolder-node';
import { inputProperties } from '@internal/plugin-internal-api-common';
import {
  applyUndelegation,
  InternalApiContext,
  mayChangeApi,
  normalizeDomainName,
  planUndelegation,
  UndelegationChange,
  UndelegationPlan,
  WaitOptions,
} from '@internal/plugin-internal-api-node';
import {
  AccessOptions,
  initiatorOf,
  requireAllowed,
  requireMayCleanUp,
} from '../access/actionAccess';
import { findNameClaims, NameClaim, refuseClaims } from '../catalog/nameClaims';
import { auditedCheckpoint, undelegationWriteEvent } from '../audit/planWrites';
import { AuditAccess, taskAudit } from '../audit/taskAudit';
import { examples } from './undelegateSubdomain.examples';

export const UNDELEGATE_SUBDOMAIN_ACTION_ID = 'internal-api:dns:undelegate';

export interface UndelegateSubdomainOptions
  extends InternalApiContext,
    AccessOptions,
    AuditAccess {
  /** How long to wait for Route 53 to report the NS removal INSYNC; default 3 minutes, polled every 5 s. */
  changeWait?: WaitOptions;
}

/**
 * Undoes internal-api:dns:delegate once the API's stack is gone: removes the
 * parent zone's NS record for the domain, then the API's zone. Removes only
 * what is provably the API's (the zone's mark names it, the NS record holds
 * exactly the zone's name servers, no other catalog entity claims the domain
 * or the zone) and a zone that holds nothing but its SOA and NS; otherwise
 * refuses, changing nothing.
 */
export function createUndelegateSubdomainAction(
  options: UndelegateSubdomainOptions,
) {
  const { internalApi, aws, auditor, catalog, auth } = options;
  const catalogAccess = { catalog, auth };
  const wait = options.changeWait ?? { timeoutMs: 180_000, intervalMs: 5_000 };
  return createTemplateAction({
    id: UNDELEGATE_SUBDOMAIN_ACTION_ID,
    description:
      "Removes an API's subdomain delegation: the parent zone's NS record for the domain (only when it holds " +
      "exactly the name servers of the API's zone), then the API's hosted zone in the workload account (only " +
      "when its caller reference names apiName and it holds nothing but its SOA and NS records: remove the API's " +
      'stack first), and only when no catalog entity of another name claims the domain or the zone (with halfCreated, ' +
      'none at all). Refuses anything else, naming it, and changes nothing. Route 53 has no dry run: planOnly and ' +
      'a dry-run prove the reads and every refusal, not the permission to delete. Only the owner of the entity that ' +
      'claims the domain, or an admin, may; a domain no entity claims (halfCreated) only admins.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        domainName: z =>
          inputProperties
            .domainName(z)
            .describe(
              "The API's domain, as internal-api:dns:delegate delegated it",
            ),
        accountId: z =>
          inputProperties
            .accountId(z)
            .describe('Workload account that holds the subdomain zone'),
        apiName: z =>
          inputProperties
            .apiName(z)
            .describe(
              "The API's catalog name: only a zone whose caller reference names it is removed",
            ),
        halfCreated: z =>
          z
            .boolean()
            .default(false)
            .describe(
              'Clean up a creation that failed half-way: it never reached the catalog, so any catalog entity that claims the domain or the zone refuses the removal',
            ),
        planOnly: inputProperties.planOnly,
      },
      output: {
        hostedZoneId: z =>
          z
            .string()
            .optional()
            .describe("The API's zone; absent when there was none"),
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
            .describe(
              'ns-record, then zone: planned (dry-run), removed, or absent (nothing to remove)',
            ),
        summary: z => z.string().describe('One line for the task page'),
      },
    },
    async handler(ctx) {
      const { domainName, accountId, apiName, halfCreated } = ctx.input;
      const owner = {
        domain: normalizeDomainName('domainName', domainName),
        apiName,
        halfCreated,
      };
      // Who the catalog says owns the name, before any AWS call; the zone's claims once it is known.
      const domainClaims = await findNameClaims(
        catalogAccess,
        'domain',
        owner.domain,
      );
      refuseClaims(owner, domainClaims);
      await requireMayUndelegate(options, ctx, halfCreated, domainClaims);
      await aws.withClients(ctx.user?.ref, async clients => {
        const plan = await planUndelegation(internalApi, clients, {
          domainName,
          accountId,
          apiName,
        });
        if (plan.zone) {
          refuseClaims(
            owner,
            await findNameClaims(
              catalogAccess,
              'hostedZoneId',
              plan.zone.hostedZoneId,
            ),
          );
        }
        const planOnly = Boolean(ctx.isDryRun || ctx.input.planOnly);
        const changes = planOnly
          ? plan.changes
          : await applyUndelegation(plan, clients, {
              checkpoint: auditedCheckpoint(
                taskAudit(auditor, ctx, UNDELEGATE_SUBDOMAIN_ACTION_ID),
                ctx,
                plan,
                undelegationWriteEvent(plan),
              ),
              wait,
            });
        const summary = summarize(plan, changes);
        // A change a line: the task page's log viewer cuts long lines.
        ctx.logger.info(summary);
        for (const change of changes) {
          ctx.logger.info(`- ${change.status}: ${change.target}`);
        }
        if (plan.zone) {
          ctx.output('hostedZoneId', plan.zone.hostedZoneId);
        }
        ctx.output('parentDomain', plan.parent.domain);
        ctx.output('changes', changes);
        ctx.output('summary', summary);
      });
    },
  });
}

/**
 * The API's own entities that claim the domain decide: their owner or an
 * admin may remove it. A name no entity claims (a creation that failed
 * half-way) is an admin's to clean up.
 */
async function requireMayUndelegate(
  options: AccessOptions,
  ctx: Pick<ActionContext<any>, 'getInitiatorCredentials' | 'logger'>,
  halfCreated: boolean,
  domainClaims: NameClaim[],
) {
  const initiator = await initiatorOf(options, ctx, 'Removing a subdomain');
  // refuseClaims has refused any other claimant, and with halfCreated every one.
  const own = halfCreated ? [] : domainClaims;
  if (own.length === 0) {
    requireMayCleanUp(initiator, ctx.logger);
  }
  for (const claim of own) {
    requireAllowed(
      mayChangeApi(initiator.access, claim.entityRef, claim.owner),
      ctx.logger,
    );
  }
}

function summarize(plan: UndelegationPlan, changes: UndelegationChange[]) {
  const { domain, parent } = plan;
  const named = {
    'ns-record': `its NS record in ${parent.domain}`,
    zone: 'its zone',
  };
  const due = changes.filter(change => change.status !== 'absent');
  if (due.length === 0) {
    return `Nothing to remove: ${domain} has no zone, ${parent.domain} no NS record for it.`;
  }
  const what = due.map(change => named[change.change]).join(' and ');
  return due[0].status === 'planned'
    ? `Plan only, would undelegate ${domain}: remove ${what}.`
    : `Undelegated ${domain}: removed ${what}.`;
}
