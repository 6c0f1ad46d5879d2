import type {
  DelegationChange,
  Route53Change,
} from '@internal/plugin-internal-api-common';
import type { AwsClients } from '../aws/access';
import {
  createPublicZone,
  DelegationTakenError,
  HostedZoneFacts,
  createNsRecord,
} from '../aws/route53';
import { changesAfter, Checkpoint, withCreatedBefore } from '../checkpoint';
import { withdrawFromLostDelegation } from './lostDelegation';
import { zoneMark } from './ownership';
import type { DelegationPlan } from './plan';

/**
 * Makes the planned writes in order, each under its checkpoint: the zone
 * first (when it does not exist), then the parent's NS record with the zone's
 * name servers. When another task of the name delegated it first, the zone
 * this task created is removed (see lostDelegation.ts): a name never ends up
 * with two zones.
 *
 * It does not wait for the NS change to be INSYNC: Route 53 has accepted it
 * when ChangeResourceRecordSets answers, and it reaches every Route 53 name
 * server within about a minute. Nothing in the task needs it sooner (ACM
 * validates at deploy time, minutes later, and retries on its own), so the
 * change is returned as Route 53 answered it (`nsChange`, PENDING or INSYNC)
 * and the status card reads it again.
 */
export async function applyDelegation(
  plan: DelegationPlan,
  clients: AwsClients,
  options: {
    checkpoint: Checkpoint;
    /**
     * The scaffolder task's id: with the plan's API name it makes the zone's
     * caller reference (`zoneMark`), the same on every retry of the task.
     */
    taskId: string;
    nsTtlSeconds: number;
  },
): Promise<{
  zone: HostedZoneFacts;
  changes: DelegationChange[];
  /** The NS write as Route 53 accepted it; absent when this run wrote no NS record or its answer was lost. */
  nsChange?: Route53Change;
}> {
  const { checkpoint } = options;
  const workloadDns = await clients.route53(plan.accountId, plan.region);
  const parentDns = await clients.route53(plan.parent.accountId, plan.region);

  const createZone = () => {
    if (!plan.apiName) {
      // The mark is what lets a re-run of this API, and only this API, adopt the zone.
      throw new Error(
        `A delegation plan without apiName only reads; zone ${plan.domain} was not created.`,
      );
    }
    const callerReference = zoneMark(plan.apiName, options.taskId);
    return createPublicZone(workloadDns, plan.domain, callerReference);
  };
  const delegate = async (checkpointKey: string, nameServers: string[]) => {
    // In an object: the scaffolder stores a checkpoint's null or undefined as {}, which a retry
    // would read back as a change. A try that finds the checkpoint gets the change back, unwritten again.
    const { nsChange } = await checkpoint(checkpointKey, async () => ({
      nsChange:
        (await createNsRecord(
          parentDns,
          plan.parent.hostedZoneId,
          plan.domain,
          nameServers,
          options.nsTtlSeconds,
        )) ?? null,
    }));
    return nsChange ?? undefined;
  };
  let zone = plan.childZone;
  let nsChange: Route53Change | undefined;
  const written = new Map<number, DelegationChange['status']>();
  for (const write of plan.writes) {
    let failure: unknown;
    let zoneRemoved = false;
    try {
      if (write.op === 'create-zone') {
        zone = await checkpoint(write.checkpointKey, createZone);
      } else {
        nsChange = await delegate(write.checkpointKey, zone!.nameServers);
      }
    } catch (error) {
      failure = error;
      if (error instanceof DelegationTakenError && plan.apiName) {
        ({ error: failure, zoneRemoved } = await withdrawFromLostDelegation({
          workloadDns,
          accountId: plan.accountId,
          domain: plan.domain,
          zone: zone!,
          taskMark: zoneMark(plan.apiName, options.taskId),
          taken: error,
        }));
      }
    }
    if (failure) {
      const zoneWrite = plan.writes.find(
        planned => planned.op === 'create-zone',
      );
      if (zoneRemoved && zoneWrite) {
        written.delete(zoneWrite.change);
      }
      throw withCreatedBefore(failure, plan.changes, written, {
        describe: change => change.target,
        created: 'Made before this failure (a run of the same API adopts it)',
        nothing: zoneRemoved
          ? 'Nothing this task wrote is left.'
          : 'Nothing was written before this failure.',
      });
    }
    written.set(write.change, 'created');
  }
  return {
    zone: zone!,
    changes: changesAfter(plan.changes, written),
    ...(nsChange ? { nsChange } : {}),
  };
}
