import type { Route53Client } from '@aws-sdk/client-route-53';
import { InputError } from '@backstage/errors';
import type {
  DelegationChange,
  DomainCheckRequest,
} from '@internal/plugin-internal-api-common';
import type { AwsClients } from '../aws/access';
import {
  findPublicZoneIds,
  getNameServers,
  HostedZoneFacts,
  listRecordsNamed,
} from '../aws/route53';
import type { PlannedWrite, Plan } from '../checkpoint';
import { findWorkloadAccount, InternalApiConfig, ParentZone } from '../config';
import { findParentZone, normalizeDomainName, ParentMatch } from './names';

/** A write of the delegation; apply makes them in order. */
export type DnsWrite = PlannedWrite & { op: 'create-zone' | 'upsert-ns' };

export type DelegationPlan = Plan<DelegationChange, DnsWrite> & {
  domain: string;
  accountId: string;
  parent: ParentZone;
  /** The child zone when it exists already. */
  childZone?: HostedZoneFacts;
};

const sameNameServers = (a: string[], b: string[]) => {
  const norm = (list: string[]) =>
    list
      .map(ns => ns.toLowerCase().replace(/\.$/, ''))
      .sort()
      .join(',');
  return norm(a) === norm(b);
};

/**
 * Read-only: checks the names against the configured parent zones and
 * accounts (before any AWS call), then finds the child zone in the workload
 * account and what the parent already says about the name and every name
 * between it and the parent apex. Refuses anything that would take over a
 * delegation or record that is not ours. The delegate action applies the
 * plan; the form's domain check only reads it.
 */
export async function planDelegation(
  internalApi: InternalApiConfig,
  clients: AwsClients,
  request: DomainCheckRequest,
): Promise<DelegationPlan> {
  const domain = normalizeDomainName('domainName', request.domainName);
  const parentMatch = findParentZone(internalApi.parentZones, domain);
  const { accountId } = findWorkloadAccount(internalApi, request.accountId);
  return readDelegation({
    domain,
    accountId,
    parentMatch,
    workloadDns: await clients.route53(accountId),
    parentDns: await clients.route53(parentMatch.zone.accountId),
  });
}

async function readDelegation(options: {
  domain: string;
  accountId: string;
  parentMatch: ParentMatch;
  workloadDns: Route53Client;
  parentDns: Route53Client;
}): Promise<DelegationPlan> {
  const { domain, accountId, workloadDns, parentDns } = options;
  const { zone: parent, namesToParent } = options.parentMatch;
  const owner = `the owner of ${parent.domain} (zone ${parent.hostedZoneId}, account ${parent.accountId})`;

  const zoneIds = await findPublicZoneIds(workloadDns, domain);
  if (zoneIds.length > 1) {
    throw new InputError(
      `domainName '${domain}': account ${accountId} already has ${zoneIds.length} public zones of that name ` +
        `(${zoneIds.join(
          ', ',
        )}). Delete the extra ones so exactly one remains, then re-run.`,
    );
  }
  const childZone: HostedZoneFacts | undefined =
    zoneIds.length === 1
      ? {
          hostedZoneId: zoneIds[0],
          nameServers: await getNameServers(workloadDns, zoneIds[0]),
        }
      : undefined;

  let delegated = false;
  for (const name of namesToParent) {
    const records = await listRecordsNamed(
      parentDns,
      parent.hostedZoneId,
      name,
    );
    const ns = records.find(record => record.Type === 'NS');
    const values = ns?.ResourceRecords?.map(r => r.Value!) ?? [];
    if (name !== domain) {
      if (ns) {
        throw new InputError(
          `domainName '${domain}' lies under ${name}, which ${
            parent.domain
          } already delegates to ${values.join(', ')}. ` +
            `A record for ${domain} in ${parent.domain} would never be seen: ask the owner of ${name} instead.`,
        );
      }
      continue;
    }
    const other = records.find(
      record => record.Type !== 'NS' && record.Type !== 'DS',
    );
    if (other) {
      throw new InputError(
        `domainName '${domain}' already has a ${other.Type} record in ${parent.domain}; delegating it would hide that record. ` +
          `Choose another name, or ask ${owner} to remove it.`,
      );
    }
    if (ns && !(childZone && sameNameServers(values, childZone.nameServers))) {
      const ours = childZone
        ? `, not to zone ${childZone.hostedZoneId} in account ${accountId}`
        : '';
      throw new InputError(
        `domainName '${domain}' is already delegated by ${
          parent.domain
        } to ${values.join(', ')}${ours}. ` +
          `Choose another name, or ask ${owner} to remove that delegation.`,
      );
    }
    delegated = Boolean(ns);
  }

  const writes: DnsWrite[] = [];
  if (!childZone) {
    writes.push({
      op: 'create-zone',
      change: 0,
      checkpointKey: `internal-api:dns:create-zone:${accountId}:${domain}`,
    });
  }
  if (!delegated) {
    writes.push({
      op: 'upsert-ns',
      change: 1,
      checkpointKey: `internal-api:dns:upsert-ns:${parent.hostedZoneId}:${domain}`,
    });
  }
  return {
    domain,
    accountId,
    parent,
    childZone,
    changes: [
      {
        change: 'create-zone',
        target: `zone ${domain} in account ${accountId}`,
        status: childZone ? 'unchanged' : 'planned',
      },
      {
        change: 'delegate',
        target: `NS ${domain} in ${parent.domain} (zone ${parent.hostedZoneId})`,
        status: delegated ? 'unchanged' : 'planned',
      },
    ],
    writes,
  };
}
