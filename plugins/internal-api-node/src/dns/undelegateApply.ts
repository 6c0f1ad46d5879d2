import type { Route53Client } from '@aws-sdk/client-route-53';
import { InputError } from '@backstage/errors';
import type { AwsClients } from '../aws/access';
import { listRecordsAtAndBelow } from '../aws/route53';
import { waitForChange, WaitOptions } from '../aws/route53Changes';
import { deleteHostedZone, deleteRecordSet } from '../aws/route53Removal';
import { changesAfter, Checkpoint, withCreatedBefore } from '../checkpoint';
import type { UndelegationChange, UndelegationPlan } from './undelegatePlan';
import {
  leftoverProblem,
  recordsBesidesApex,
  valuesOf,
  zoneRecordOf,
} from './undelegateRules';

/**
 * Makes the planned removals in order, each under its checkpoint: first the
 * parent's NS record (waiting until Route 53 reports it INSYNC, so no name
 * server of the parent still delegates to the zone when it goes), then the
 * zone. Route 53 itself refuses a DELETE of a record that changed since the
 * plan read it and a zone that got records since: both are answered by
 * re-reading and refusing by name, never by deleting anyway.
 */
export async function applyUndelegation(
  plan: UndelegationPlan,
  clients: AwsClients,
  options: { checkpoint: Checkpoint; wait: WaitOptions },
): Promise<UndelegationChange[]> {
  const { checkpoint } = options;
  const workloadDns = await clients.route53(plan.accountId, plan.region);
  const parentDns = await clients.route53(plan.parent.accountId, plan.region);

  const written = new Map<number, UndelegationChange['status']>();
  for (const write of plan.writes) {
    try {
      if (write.op === 'delete-ns') {
        // null, not undefined: a checkpoint stores JSON.
        // In an object: the scaffolder stores a checkpoint's null as {}, which a retry would
        // read back as a change id.
        const { changeId } = await checkpoint(
          write.checkpointKey,
          async () => ({
            changeId: (await removeNs(plan, parentDns)) ?? null,
          }),
        );
        written.set(write.change, 'removed');
        if (typeof changeId === 'string') {
          // The one INSYNC wait kept (issue 21 dropped the create path's). Until every parent
          // name server has dropped the NS record, some still send resolvers to the zone's name
          // servers; with the zone deleted first, that is a dangling delegation, the shape a
          // subdomain takeover needs. (Resolvers' caches keep it up to the NS TTL either way.)
          // It costs about a minute on decommission, where no one waits to use the API.
          await waitForChange(parentDns, changeId, options.wait);
        }
      } else {
        await checkpoint(write.checkpointKey, () =>
          removeZone(plan, workloadDns),
        );
        written.set(write.change, 'removed');
      }
    } catch (error) {
      throw withCreatedBefore(error, plan.changes, written, {
        describe: change => change.target,
        created: 'Removed before this failure (a re-run finds it absent)',
        nothing: 'Nothing was removed before this failure.',
        status: 'removed',
      });
    }
  }
  return changesAfter(plan.changes, written);
}

/** The change id to wait for, or undefined when the record was already gone. */
async function removeNs(plan: UndelegationPlan, parentDns: Route53Client) {
  const { domain, parent } = plan;
  const deletion = await deleteRecordSet(
    parentDns,
    parent.hostedZoneId,
    plan.nsRecord!,
    `Undelegate ${domain} (internal-api:dns:undelegate)`,
  );
  if (deletion.outcome === 'changed') {
    const { current } = deletion;
    throw new InputError(
      `NS ${domain} in ${parent.domain} (zone ${parent.hostedZoneId}) changed while the task ran ` +
        `(now ${valuesOf(current).join(', ')}, TTL ${
          current.TTL
        }), so it was not removed. ` +
        'Run the task again: it reads the record again and removes it only if it still delegates to the zone.',
    );
  }
  return deletion.outcome === 'deleted' ? deletion.changeId : undefined;
}

/** `absent` when an earlier try (or someone else) had already deleted the zone: the audit event says so. */
async function removeZone(
  plan: UndelegationPlan,
  workloadDns: Route53Client,
): Promise<'removed' | 'absent'> {
  const { hostedZoneId } = plan.zone!;
  const deletion = await deleteHostedZone(workloadDns, hostedZoneId);
  if (deletion.outcome !== 'not-empty') {
    return deletion.outcome === 'deleted' ? 'removed' : 'absent';
  }
  // Records were added since the plan read the zone: name them.
  const left = recordsBesidesApex(
    (await listRecordsAtAndBelow(workloadDns, hostedZoneId, plan.domain)).map(
      zoneRecordOf,
    ),
    plan.domain,
  );
  const detail =
    left.length > 0
      ? leftoverProblem({
          zoneId: hostedZoneId,
          accountId: plan.accountId,
          left,
        })
      : `zone ${hostedZoneId} got records while the task ran. Run the task again to see them.`;
  throw new InputError(
    `domainName '${plan.domain}': Route 53 did not delete the zone (HostedZoneNotEmpty): ${detail}`,
  );
}
