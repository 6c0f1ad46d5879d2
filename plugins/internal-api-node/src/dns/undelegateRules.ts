import type { ResourceRecordSet } from '@aws-sdk/client-route-53';
import { InputError } from '@backstage/errors';
import { PublicZone, sameNameServers } from '../aws/route53';
import type { ParentZone } from '../config';
import { apiOfZone } from './ownership';

// The rules of removing a delegation, pure: which zone is this API's, whether
// the parent's NS record is the one the delegation made, and whether the zone
// is empty enough to delete. Nothing is removed that these do not prove ours.

/** Where the generated repository says how to tear the API's stack down. */
export const TEARDOWN_RUNBOOK =
  '"Removing the stack" in the README of the API\'s generated repository';

/** A record of a zone, by type and name (no trailing dot). */
export type ZoneRecord = { type: string; name: string };

export const zoneRecordOf = (record: ResourceRecordSet): ZoneRecord => ({
  type: record.Type ?? '?',
  name: (record.Name ?? '').toLowerCase().replace(/\.$/, ''),
});

/** The values of a record set as Route 53 lists them. */
export const valuesOf = (record: ResourceRecordSet) =>
  record.ResourceRecords?.map(value => value.Value ?? '') ?? [];

/** Every problem at once, in one message; nothing was changed. */
export function refuseUndelegation(domain: string, problems: string[]) {
  return new InputError(
    [
      `domainName '${domain}' was not undelegated; nothing was changed:`,
      ...problems.map(problem => `- ${problem}`),
    ].join('\n'),
  );
}

/**
 * The zone of that name whose mark (caller reference) names `apiName`, or
 * undefined when the account has no zone of that name. Refuses zones of that
 * name that are another API's or nobody's, and more than one of this API's
 * (it cannot tell which one to delete).
 */
export function chooseOwnZone(
  zones: PublicZone[],
  options: { domain: string; apiName: string; accountId: string },
): PublicZone | undefined {
  const { domain, apiName, accountId } = options;
  const ours = zones.filter(
    zone => apiOfZone(zone.callerReference) === apiName,
  );
  if (ours.length === 1) {
    return ours[0];
  }
  if (ours.length > 1) {
    throw refuseUndelegation(domain, [
      `account ${accountId} has ${ours.length} zones of that name marked for API '${apiName}' ` +
        `(${ours
          .map(zone => zone.hostedZoneId)
          .join(', ')}): it cannot tell which to delete. ` +
        'Keep the one the parent zone delegates to, delete the others by hand, then re-run.',
    ]);
  }
  if (zones.length === 0) {
    return undefined;
  }
  throw refuseUndelegation(
    domain,
    zones.map(zone => {
      const owner = apiOfZone(zone.callerReference);
      const which = `zone ${zone.hostedZoneId} in account ${accountId}`;
      return owner
        ? `${which} belongs to internal API '${owner}' (its caller reference names it), not to '${apiName}': ` +
            `it is left alone. Pass the apiName of the API being removed ('${owner}'), or ask its owner.`
        : `${which} names no internal API (caller reference '${zone.callerReference}'): ` +
            'internal-api:dns:delegate did not make it, so it is left alone. Delete it by hand if nobody uses it.';
    }),
  );
}

/**
 * The zone's records besides its apex SOA and NS, the only ones Route 53
 * deletes with the zone (DeleteHostedZone refuses a zone with any other,
 * `HostedZoneNotEmpty`).
 */
export const recordsBesidesApex = (records: ZoneRecord[], domain: string) =>
  records.filter(
    record =>
      !(
        record.name === domain &&
        (record.type === 'SOA' || record.type === 'NS')
      ),
  );

/** A refusal naming what is left in the zone (a few, with a count) and the runbook. */
export function leftoverProblem(options: {
  zoneId: string;
  accountId: string;
  left: ZoneRecord[];
}): string {
  const { zoneId, accountId, left } = options;
  const shown = left.slice(0, 3).map(record => `${record.type} ${record.name}`);
  const more = left.length > 3 ? ` and ${left.length - 3} more` : '';
  return (
    `zone ${zoneId} in account ${accountId} still holds ${left.length} record${
      left.length === 1 ? '' : 's'
    } besides its SOA and NS (${shown.join(
      ', ',
    )}${more}): the API's stack is still deployed, ` +
    `or left them behind. Remove the stack first, as ${TEARDOWN_RUNBOOK} says, then re-run.`
  );
}

/** What the parent says about the name: its NS record when it is this zone's delegation. */
export type ParentDecision = { ns?: ResourceRecordSet; problems: string[] };

/**
 * The parent's NS record for the domain may be removed only when it delegates
 * to exactly the zone's name servers (the zone's delegation set, compared
 * without case or trailing dots): other name servers mean someone delegated
 * the name again elsewhere, and with no zone of ours nothing shows it is ours.
 * A DS record beside it (DNSSEC) is not the delegate action's and would be
 * left pointing at nothing: refused too.
 */
export function decideParentNs(options: {
  parent: ParentZone;
  /** The parent's record sets of exactly the domain's name. */
  records: ResourceRecordSet[];
  zone?: { hostedZoneId: string; nameServers: string[] };
  accountId: string;
  apiName: string;
}): ParentDecision {
  const { parent, records, zone, accountId, apiName } = options;
  const ns = records.find(record => record.Type === 'NS');
  if (!ns) {
    return { problems: [] };
  }
  const owner = `the owner of ${parent.domain} (zone ${parent.hostedZoneId}, account ${parent.accountId})`;
  const values = valuesOf(ns).join(', ');
  const problems: string[] = [];
  if (!zone) {
    problems.push(
      `${parent.domain} delegates it to ${values}, but account ${accountId} has no zone of that name ` +
        `for API '${apiName}', so nothing shows the delegation is this API's. Ask ${owner} to remove it ` +
        'if nothing serves the name.',
    );
  } else if (!sameNameServers(valuesOf(ns), zone.nameServers)) {
    problems.push(
      `${parent.domain} delegates it to ${values}, not to the name servers of zone ${zone.hostedZoneId} ` +
        `(${zone.nameServers.join(
          ', ',
        )}): it was delegated again elsewhere, so neither is removed. ` +
        `Ask ${owner} who uses it.`,
    );
  }
  if (records.some(record => record.Type === 'DS')) {
    problems.push(
      `${parent.domain} also holds a DS record for it (DNSSEC), which the delegate action never makes. ` +
        `Ask ${owner} to remove it first, then re-run.`,
    );
  }
  return problems.length > 0 ? { problems } : { ns, problems };
}
