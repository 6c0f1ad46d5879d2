import type { ResourceRecordSet } from '@aws-sdk/client-route-53';
import type { AwsClients } from '../aws/access';
import {
  findPublicZones,
  getNameServers,
  listRecordsAtAndBelow,
  listRecordsNamed,
} from '../aws/route53';
import type { Plan, PlannedWrite } from '../checkpoint';
import { findWorkloadAccount, InternalApiConfig, ParentZone } from '../config';
import { findParentZone, normalizeDomainName } from './names';
import { normalizeApiName } from './ownership';
import {
  chooseOwnZone,
  decideParentNs,
  leftoverProblem,
  recordsBesidesApex,
  refuseUndelegation,
  ZoneRecord,
  zoneRecordOf,
} from './undelegateRules';

/** One removal and what became of it. */
export type UndelegationChange = {
  change: 'ns-record' | 'zone';
  /** What is removed, e.g. "NS orders.acme.com in acme.com (zone Z123)". */
  target: string;
  /** `planned`: a removal is due (a dry-run stops there); `absent`: nothing to remove. */
  status: 'planned' | 'removed' | 'absent';
};

/** A removal; apply makes them in order: the parent's NS record, then the zone. */
export type UndelegationWrite = PlannedWrite & {
  op: 'delete-ns' | 'delete-zone';
};

export type UndelegationPlan = Plan<UndelegationChange, UndelegationWrite> & {
  domain: string;
  accountId: string;
  /** The workload account's region: it picks Route 53's partition. */
  region: string;
  parent: ParentZone;
  /** Lower-cased; only a zone whose mark names it is removed. */
  apiName: string;
  /** This API's zone of that name, when it exists, with its records (only its apex SOA and NS, or the plan refuses). */
  zone?: {
    hostedZoneId: string;
    nameServers: string[];
    records: ZoneRecord[];
  };
  /** The parent's NS record for the name exactly as read: the DELETE must carry it so. */
  nsRecord?: ResourceRecordSet;
};

export type UndelegationRequest = {
  domainName: string;
  accountId: string;
  apiName: string;
};

/**
 * Read-only, every read before the first write: checks the names against
 * the configured parent zones and accounts (before any AWS call), finds this
 * API's zone of that name in the workload account (by its mark) with its
 * name servers and records, and the parent's records of the name. Refuses,
 * listing every problem, whatever would remove something that is not this
 * API's or a zone that still serves something.
 */
export async function planUndelegation(
  internalApi: InternalApiConfig,
  clients: AwsClients,
  request: UndelegationRequest,
): Promise<UndelegationPlan> {
  const domain = normalizeDomainName('domainName', request.domainName);
  const { zone: parent } = findParentZone(internalApi.parentZones, domain);
  const { accountId, region } = findWorkloadAccount(
    internalApi,
    request.accountId,
  );
  const apiName = normalizeApiName('apiName', request.apiName);
  const workloadDns = await clients.route53(accountId, region);
  const parentDns = await clients.route53(parent.accountId, region);

  const own = chooseOwnZone(await findPublicZones(workloadDns, domain), {
    domain,
    apiName,
    accountId,
  });
  const zone = own && {
    hostedZoneId: own.hostedZoneId,
    nameServers: await getNameServers(workloadDns, own.hostedZoneId),
    records: (
      await listRecordsAtAndBelow(workloadDns, own.hostedZoneId, domain)
    ).map(zoneRecordOf),
  };
  const { ns, problems } = decideParentNs({
    parent,
    records: await listRecordsNamed(parentDns, parent.hostedZoneId, domain),
    zone,
    accountId,
    apiName,
  });
  const left = zone ? recordsBesidesApex(zone.records, domain) : [];
  if (left.length > 0) {
    problems.push(
      leftoverProblem({ zoneId: zone!.hostedZoneId, accountId, left }),
    );
  }
  if (problems.length > 0) {
    throw refuseUndelegation(domain, problems);
  }

  const writes: UndelegationWrite[] = [];
  if (ns) {
    writes.push({
      op: 'delete-ns',
      change: 0,
      checkpointKey: `internal-api:dns:delete-ns:${parent.hostedZoneId}:${domain}`,
    });
  }
  if (zone) {
    writes.push({
      op: 'delete-zone',
      change: 1,
      checkpointKey: `internal-api:dns:delete-zone:${accountId}:${zone.hostedZoneId}`,
    });
  }
  return {
    domain,
    accountId,
    region,
    parent,
    apiName,
    zone,
    nsRecord: ns,
    changes: [
      {
        change: 'ns-record',
        target: `NS ${domain} in ${parent.domain} (zone ${parent.hostedZoneId})`,
        status: ns ? 'planned' : 'absent',
      },
      {
        change: 'zone',
        target: `zone ${domain} in account ${accountId}`,
        status: zone ? 'planned' : 'absent',
      },
    ],
    writes,
  };
}
