import type { Route53Client } from '@aws-sdk/client-route-53';
import { InputError } from '@backstage/errors';
import {
  DelegationTakenError,
  findPublicZones,
  HostedZoneFacts,
  listRecordsAtAndBelow,
  readHostedZone,
  zoneServedBy,
} from '../aws/route53';
import { deleteHostedZone } from '../aws/route53Removal';
import { readZoneMark } from './ownership';

// The parent's NS record decides which zone serves a name: Route 53 applies a
// change batch atomically and refuses a CREATE of a record set that exists
// (InvalidChangeBatch), so of two tasks that each created a zone for one name,
// exactly one delegates it. The other removes the zone it created, so that a
// single zone of the name remains, and says who won.

/** What the task that lost the name did about its zone, and the error to stop with. */
export type LostDelegation = {
  error: Error;
  /** Whether the zone this task created is gone: nothing of the task is left. */
  zoneRemoved: boolean;
};

/**
 * After this task's NS CREATE lost to another record: deletes `zone` when
 * this task created it (its caller reference is `taskMark`) and it still
 * holds only its SOA and NS records, then explains who holds the name. A zone
 * this task adopted is never deleted; nor is one that holds anything else.
 */
export async function withdrawFromLostDelegation(options: {
  workloadDns: Route53Client;
  accountId: string;
  domain: string;
  zone: HostedZoneFacts;
  taskMark: string;
  taken: DelegationTakenError;
}): Promise<LostDelegation> {
  const { workloadDns, accountId, domain, zone, taskMark, taken } = options;
  const found = await readHostedZone(workloadDns, zone.hostedZoneId);
  if (!found || found.callerReference !== taskMark) {
    return { error: taken, zoneRemoved: false };
  }
  const extra = (
    await listRecordsAtAndBelow(workloadDns, zone.hostedZoneId, domain)
  ).filter(
    record =>
      record.Name?.toLowerCase() !== `${domain}.` ||
      (record.Type !== 'SOA' && record.Type !== 'NS'),
  );
  const deletion =
    extra.length === 0
      ? await deleteHostedZone(workloadDns, zone.hostedZoneId)
      : { outcome: 'not-empty' as const };
  if (deletion.outcome === 'not-empty') {
    taken.message += ` Zone ${
      zone.hostedZoneId
    }, which this task created, was kept: it holds records besides its SOA and NS${
      extra.length > 0
        ? ` (${extra.map(r => `${r.Type} ${r.Name}`).join(', ')})`
        : ''
    }. Delete it once nobody uses it.`;
    return { error: taken, zoneRemoved: false };
  }
  const removed = `this task removed the zone it had created (${zone.hostedZoneId}) and stopped.`;
  if (taken.nameServers.length === 0) {
    return {
      error: new InputError(`${taken.message.replace(/\.$/, '')}; ${removed}`),
      zoneRemoved: true,
    };
  }
  // The other zone of the name in the account whose name servers the parent now names.
  const winner = await zoneServedBy(
    workloadDns,
    (
      await findPublicZones(workloadDns, domain)
    ).filter(candidate => candidate.hostedZoneId !== zone.hostedZoneId),
    taken.nameServers,
  );
  const mark = winner && readZoneMark(winner.callerReference);
  const by = `domainName '${domain}' was delegated`;
  let message: string;
  if (mark) {
    const next =
      mark.apiName === readZoneMark(taskMark)?.apiName
        ? 'Follow that task, or run this one again to adopt its zone.'
        : `The name belongs to API '${mark.apiName}' now: choose another domain name.`;
    message = `${by} to zone ${winner.hostedZoneId} by task ${mark.taskId} of API '${mark.apiName}' while this task ran; ${removed} ${next}`;
  } else {
    const where = winner
      ? `zone ${winner.hostedZoneId} in account ${accountId}, which internal-api:dns:delegate did not create`
      : `name servers of no zone in account ${accountId}`;
    message =
      `${by} to ${taken.nameServers.join(
        ', ',
      )} (${where}) while this task ran; ${removed} ` +
      'Find out who owns it; run the task again once the name is free.';
  }
  return { error: new InputError(message), zoneRemoved: true };
}
