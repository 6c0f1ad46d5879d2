import { isError } from '@backstage/errors';
import type {
  DelegationStatus,
  ZoneStatus,
} from '@internal/plugin-internal-api-common';
import type { AwsClients } from '../aws/access';
import {
  listRecordsAtAndBelow,
  readHostedZone,
  readNsRecord,
} from '../aws/route53';
import { readChange } from '../aws/route53Changes';
import type { InternalApiConfig } from '../config';
import { findParentZone } from '../dns/names';
import { apiOfZone } from '../dns/ownership';
import { zoneRecordOf } from '../dns/undelegateRules';
import type { StatusRequest } from './read';
import { delegationStatus, zoneStatus } from './rules';

/**
 * The API's zone (its mark, its records: deployed when it holds more than the
 * apex) and its delegation (the parent's NS against the zone's name servers,
 * and whether the NS change the task made is in sync yet): three Route 53
 * reads in the workload account, one or two (GetChange, with the entity's
 * delegation-change annotation) in the parent's. The change belongs to the
 * parent zone's account, so it is read with that account's credentials.
 */
export async function readDns(
  internalApi: InternalApiConfig,
  clients: AwsClients,
  request: StatusRequest & { domain: string; apiName: string },
): Promise<{ delegation: DelegationStatus; zone: ZoneStatus }> {
  const { accountId, region, domain, hostedZoneId } = request;
  const workloadDns = await clients.route53(accountId, region);
  const found = await readHostedZone(workloadDns, hostedZoneId);
  const zone = zoneStatus({
    hostedZoneId,
    accountId,
    domain,
    apiName: request.apiName,
    zone: found && {
      name: found.name,
      markedFor: apiOfZone(found.callerReference),
      records: (
        await listRecordsAtAndBelow(workloadDns, found.hostedZoneId, domain)
      ).map(zoneRecordOf),
    },
  });
  let parent;
  try {
    parent = findParentZone(internalApi.parentZones, domain, 'domain').zone;
  } catch (error) {
    return {
      zone,
      delegation: {
        state: 'unknown',
        parentNameServers: [],
        zoneNameServers: found?.nameServers ?? [],
        todo: `${
          isError(error) ? error.message : String(error)
        } A platform engineer adds the parent zone under internalApi.parentZones.`,
      },
    };
  }
  const parentDns = await clients.route53(parent.accountId, region);
  const [parentNameServers, change] = await Promise.all([
    readNsRecord(parentDns, parent.hostedZoneId, domain),
    request.delegationChangeId
      ? readChange(parentDns, request.delegationChangeId)
      : undefined,
  ]);
  return {
    zone,
    delegation: delegationStatus({
      parent,
      domain,
      parentNameServers,
      zoneNameServers: found?.nameServers ?? [],
      change,
    }),
  };
}
