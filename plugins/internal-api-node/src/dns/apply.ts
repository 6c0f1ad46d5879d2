import type { DelegationChange } from '@internal/plugin-internal-api-common';
import type { AwsClients } from '../aws/access';
import {
  createPublicZone,
  HostedZoneFacts,
  createNsRecord,
  waitForChange,
  WaitOptions,
} from '../aws/route53';
import { changesAfter, Checkpoint } from '../checkpoint';
import type { DelegationPlan } from './plan';

/**
 * Makes the planned writes in order, each under its checkpoint: the zone
 * first (when it does not exist), then the parent's NS record with the zone's
 * name servers, and waits for Route 53 to report the change INSYNC.
 */
export async function applyDelegation(
  plan: DelegationPlan,
  clients: AwsClients,
  options: {
    checkpoint: Checkpoint;
    /**
     * Route 53's idempotency token for the zone, the same on every retry of
     * one task (e.g. `internal-api/<task id>/<domain>`), so a lost answer and a
     * retry cannot create a second zone. It must start with
     * CALLER_REFERENCE_PREFIX: that marks the zone as the action's. Never
     * part of the plan, which a dry-run prints.
     */
    callerReference: string;
    nsTtlSeconds: number;
    wait: WaitOptions;
  },
): Promise<{ zone: HostedZoneFacts; changes: DelegationChange[] }> {
  const { checkpoint } = options;
  const workloadDns = await clients.route53(plan.accountId, plan.region);
  const parentDns = await clients.route53(plan.parent.accountId, plan.region);
  let zone = plan.childZone;
  const written = new Map<number, DelegationChange['status']>();
  for (const write of plan.writes) {
    if (write.op === 'create-zone') {
      zone = await checkpoint(write.checkpointKey, () =>
        createPublicZone(workloadDns, plan.domain, options.callerReference),
      );
    } else {
      const nameServers = zone!.nameServers;
      const changeId = await checkpoint(
        write.checkpointKey,
        async () =>
          // null, not undefined: a checkpoint stores JSON.
          (await createNsRecord(
            parentDns,
            plan.parent.hostedZoneId,
            plan.domain,
            nameServers,
            options.nsTtlSeconds,
          )) ?? null,
      );
      if (changeId) {
        await waitForChange(parentDns, changeId, options.wait);
      }
    }
    written.set(write.change, 'created');
  }
  return { zone: zone!, changes: changesAfter(plan.changes, written) };
}
