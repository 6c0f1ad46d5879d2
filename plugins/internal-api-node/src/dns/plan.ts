import type { Route53Client } from '@aws-sdk/client-route-53';
import { InputError } from '@backstage/errors';
import {
  CERTIFICATE_DOMAIN_MAX_LENGTH,
  type DelegationChange,
  type DomainCheckRequest,
} from '@internal/plugin-internal-api-common';
import type { AwsClients } from '../aws/access';
import {
  HostedZoneFacts,
  listRecordsAtAndBelow,
  listRecordsNamed,
  readNsRecord,
  sameNameServers,
} from '../aws/route53';
import type { PlannedWrite, Plan } from '../checkpoint';
import { findWorkloadAccount, InternalApiConfig, ParentZone } from '../config';
import { findParentZone, normalizeDomainName, ParentMatch } from './names';
import { adoptableZone } from './adoptableZone';
import {
  DomainClaim,
  normalizeApiName,
  refuseClaimsOfOtherApis,
} from './ownership';

/** A write of the delegation; apply makes them in order. */
export type DnsWrite = PlannedWrite & { op: 'create-zone' | 'create-ns' };

export type DelegationPlan = Plan<DelegationChange, DnsWrite> & {
  domain: string;
  accountId: string;
  /** The workload account's region: it picks Route 53's partition. */
  region: string;
  parent: ParentZone;
  /** The API the delegation is for, lower-cased; a plan without it only reads. */
  apiName?: string;
  /** The child zone when it exists already. */
  childZone?: HostedZoneFacts;
  /** The API the existing child zone's mark names. */
  zoneOwner?: string;
};

export type DelegationRequest = DomainCheckRequest & {
  /**
   * The catalog entities annotated with this domain, as the action found
   * them; read only with `apiName`. The form's check passes none.
   */
  catalogClaims?: DomainClaim[];
};

const describeRecords = (records: { Name?: string; Type?: string }[]) => {
  const shown = records
    .slice(0, 5)
    .map(record => `${record.Type} ${record.Name?.replace(/\.$/, '')}`);
  return records.length > 5
    ? `${shown.join(', ')} and ${records.length - 5} more`
    : shown.join(', ');
};

/**
 * Read-only: checks the names against the configured parent zones and
 * accounts, and the catalog's claims on the domain (before any AWS call),
 * then finds the child zone in the workload account and what the parent
 * already says about the name and every name between it and the parent apex.
 * Refuses anything that would take over a delegation, record or zone that is
 * not this API's. The delegate action applies the plan; the form's domain
 * check only reads it.
 */
export async function planDelegation(
  internalApi: InternalApiConfig,
  clients: AwsClients,
  request: DelegationRequest,
): Promise<DelegationPlan> {
  const domain = normalizeDomainName('domainName', request.domainName);
  if (domain.length > CERTIFICATE_DOMAIN_MAX_LENGTH) {
    throw new InputError(
      `domainName '${domain}' has ${domain.length} characters; the API's TLS certificate (ACM) takes a domain name of at most ` +
        `${CERTIFICATE_DOMAIN_MAX_LENGTH}. Choose a shorter name or fewer labels.`,
    );
  }
  const parentMatch = findParentZone(internalApi.parentZones, domain);
  const { accountId, region } = findWorkloadAccount(
    internalApi,
    request.accountId,
  );
  const apiName =
    request.apiName === undefined
      ? undefined
      : normalizeApiName('apiName', request.apiName);
  if (apiName) {
    refuseClaimsOfOtherApis(domain, apiName, request.catalogClaims ?? []);
  }
  const [workloadDns, parentDns] = await Promise.all([
    clients.route53(accountId, region),
    clients.route53(parentMatch.zone.accountId, region),
  ]);
  return readDelegation({
    domain,
    accountId,
    region,
    apiName,
    parentMatch,
    workloadDns,
    parentDns,
  });
}

async function readDelegation(options: {
  domain: string;
  accountId: string;
  region: string;
  apiName?: string;
  parentMatch: ParentMatch;
  workloadDns: Route53Client;
  parentDns: Route53Client;
}): Promise<DelegationPlan> {
  const { domain, accountId, region, apiName, workloadDns, parentDns } =
    options;
  const { zone: parent, namesToParent } = options.parentMatch;
  const owner = `the owner of ${parent.domain} (zone ${parent.hostedZoneId}, account ${parent.accountId})`;

  // The reads are independent: all at once, each in its own account. Their
  // answers are then judged in the order a one-by-one read would meet them
  // (the zone, then the name, then each name above it), so the first refusal
  // or AWS error is the same one whichever read ends first.
  const [zoneRead, ...recordReads] = await Promise.allSettled([
    adoptableZone({
      workloadDns,
      domain,
      accountId,
      apiName,
      // Read only when the account holds more than one zone of the name (tasks racing for it).
      delegatedTo: async () =>
        (await readNsRecord(parentDns, parent.hostedZoneId, domain)) ?? [],
    }),
    ...namesToParent.map(name =>
      name === domain
        ? recordsAtOrBelowDomain(parentDns, parent, domain, owner)
        : listRecordsNamed(parentDns, parent.hostedZoneId, name),
    ),
  ]);
  const { childZone, zoneOwner } = settled(zoneRead);
  let delegated = false;
  for (const [index, name] of namesToParent.entries()) {
    const records = settled(recordReads[index]);
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
      op: 'create-ns',
      change: 1,
      checkpointKey: `internal-api:dns:create-ns:${parent.hostedZoneId}:${domain}`,
    });
  }
  return {
    domain,
    accountId,
    region,
    parent,
    apiName,
    childZone,
    zoneOwner,
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

/**
 * The records of the domain itself in the parent zone; refuses when the
 * parent holds records below it, which a delegation would hide.
 */
async function recordsAtOrBelowDomain(
  parentDns: Route53Client,
  parent: ParentZone,
  domain: string,
  owner: string,
) {
  const records = await listRecordsAtAndBelow(
    parentDns,
    parent.hostedZoneId,
    domain,
  );
  const below = records.filter(
    record => record.Name?.toLowerCase() !== `${domain}.`,
  );
  if (below.length > 0) {
    throw new InputError(
      `domainName '${domain}': ${
        parent.domain
      } holds records below it (${describeRecords(below)}); ` +
        'delegating the name would hide them. Choose another name, or ask ' +
        `${owner} to move them.`,
    );
  }
  return records;
}

/** A settled read's value, or its error thrown as a one-by-one read would have thrown it. */
function settled<T>(result: PromiseSettledResult<T>): T {
  if (result.status === 'rejected') {
    throw result.reason;
  }
  return result.value;
}
