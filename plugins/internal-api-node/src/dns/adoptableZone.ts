import type { Route53Client } from '@aws-sdk/client-route-53';
import { InputError } from '@backstage/errors';
import {
  findPublicZones,
  getNameServers,
  HostedZoneFacts,
  PublicZone,
  zoneServedBy,
} from '../aws/route53';
import { apiOfZone, readZoneMark, refuseZoneOfOtherApi } from './ownership';

/**
 * The workload account's zone of that name when this API may use it: none
 * yet, or one whose mark names this API. Its records are then the API's own
 * (its stack adds the alias and certificate records), so a re-run adopts it
 * whatever it holds. A zone another API created, or one that names no API,
 * is refused by name. Without `apiName` (the form's check before it has a
 * name) a zone of any API is reported, not refused: the task decides.
 *
 * Tasks of one API that run at once each create a zone, for a moment: the
 * one the parent delegates to stays, the others remove theirs
 * (lostDelegation.ts). While they do, the delegated zone is the one adopted.
 */
export async function adoptableZone(options: {
  workloadDns: Route53Client;
  domain: string;
  accountId: string;
  apiName: string | undefined;
  /** The name servers the parent's NS record of the domain names now (none when it has none). */
  delegatedTo: () => Promise<string[]>;
}): Promise<{ childZone?: HostedZoneFacts; zoneOwner?: string }> {
  const { workloadDns, domain, accountId, apiName } = options;
  const zones = await findPublicZones(workloadDns, domain);
  const zone =
    zones.length > 1 ? await delegatedZone(options, zones) : zones[0];
  if (!zone) {
    return {};
  }
  const zoneOwner = apiOfZone(zone.callerReference);
  if (!zoneOwner) {
    throw new InputError(
      `domainName '${domain}': account ${accountId} already has zone ${zone.hostedZoneId} of that name, ` +
        `created outside internal-api:dns:delegate or before it recorded the API (caller reference '${zone.callerReference}'). ` +
        'It is not adopted: choose another name, or delete the zone if nobody uses it.',
    );
  }
  if (apiName) {
    refuseZoneOfOtherApi({
      domain,
      apiName,
      owner: zoneOwner,
      zoneId: zone.hostedZoneId,
      accountId,
    });
  }
  return {
    childZone: {
      hostedZoneId: zone.hostedZoneId,
      nameServers: await getNameServers(workloadDns, zone.hostedZoneId),
    },
    zoneOwner,
  };
}

/** Of several zones of the name, the one the parent delegates to; refuses when none is. */
async function delegatedZone(
  options: {
    workloadDns: Route53Client;
    domain: string;
    accountId: string;
    delegatedTo: () => Promise<string[]>;
  },
  zones: PublicZone[],
): Promise<PublicZone> {
  const { workloadDns, domain, accountId } = options;
  const delegated = await zoneServedBy(
    workloadDns,
    zones,
    await options.delegatedTo(),
  );
  if (delegated) {
    return delegated;
  }
  const made = zones.map(zone => {
    const mark = readZoneMark(zone.callerReference);
    return mark
      ? `${zone.hostedZoneId} (task ${mark.taskId} of API '${mark.apiName}')`
      : zone.hostedZoneId;
  });
  throw new InputError(
    `domainName '${domain}': account ${accountId} already has ${zones.length} public zones of that name ` +
      `(${made.join(
        ', ',
      )}) and the parent delegates to none of them. Delete the extra ones so exactly one ` +
      'remains, then re-run. (Tasks for one name that run at once pass through this for a moment: the one whose ' +
      'delegation lands keeps its zone, the others remove theirs. Run again in a minute before deleting anything.)',
  );
}
