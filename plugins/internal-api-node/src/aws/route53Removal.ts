import {
  ChangeResourceRecordSetsCommand,
  DeleteHostedZoneCommand,
  ResourceRecordSet,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { listRecordsNamed } from './route53';

/** What became of a DELETE of one record set. */
export type RecordDeletion =
  | { outcome: 'deleted'; changeId: string }
  /** Nothing of that name and type is left: an earlier try (whose answer was lost) or someone else removed it. */
  | { outcome: 'gone' }
  /** A record set of that name and type holds other values than the ones carried: it is not deleted. */
  | { outcome: 'changed'; current: ResourceRecordSet };

/**
 * Deletes `record` carried exactly as it was read (name, type, TTL, values,
 * any routing fields): Route 53 deletes a record set only when the DELETE
 * matches it as it is now, and otherwise answers `InvalidChangeBatch` ("not
 * found" or "values provided do not match"). So a record someone changed
 * since it was read is never deleted; the error is answered by re-reading
 * the name, which tells a record already gone from one that changed.
 */
export async function deleteRecordSet(
  route53: Route53Client,
  hostedZoneId: string,
  record: ResourceRecordSet,
  comment: string,
): Promise<RecordDeletion> {
  try {
    const { ChangeInfo } = await route53.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: hostedZoneId,
        ChangeBatch: {
          Comment: comment,
          Changes: [{ Action: 'DELETE', ResourceRecordSet: record }],
        },
      }),
    );
    return { outcome: 'deleted', changeId: ChangeInfo!.Id! };
  } catch (error) {
    if ((error as Error).name !== 'InvalidChangeBatch') {
      throw error;
    }
    const current = (
      await listRecordsNamed(route53, hostedZoneId, record.Name!)
    ).find(
      set =>
        set.Type === record.Type && set.SetIdentifier === record.SetIdentifier,
    );
    return current ? { outcome: 'changed', current } : { outcome: 'gone' };
  }
}

/** What became of a DeleteHostedZone. */
export type ZoneDeletion =
  | { outcome: 'deleted'; changeId: string }
  /** `NoSuchHostedZone`: an earlier try (whose answer was lost) or someone else deleted it. */
  | { outcome: 'gone' }
  /** `HostedZoneNotEmpty`: the zone holds records besides its SOA and NS. */
  | { outcome: 'not-empty' };

/**
 * Deletes a hosted zone. Route 53 deletes only a zone that holds nothing but
 * its SOA and NS records (`HostedZoneNotEmpty` otherwise), so records added
 * since they were read are never deleted with it.
 */
export async function deleteHostedZone(
  route53: Route53Client,
  hostedZoneId: string,
): Promise<ZoneDeletion> {
  try {
    const { ChangeInfo } = await route53.send(
      new DeleteHostedZoneCommand({ Id: hostedZoneId }),
    );
    return { outcome: 'deleted', changeId: ChangeInfo!.Id! };
  } catch (error) {
    switch ((error as Error).name) {
      case 'NoSuchHostedZone':
        return { outcome: 'gone' };
      case 'HostedZoneNotEmpty':
        return { outcome: 'not-empty' };
      default:
        throw error;
    }
  }
}
