import type { Route53Client } from '@aws-sdk/client-route-53';
import { InputError } from '@backstage/errors';
import type { JsonValue } from '@backstage/types';
import type { ParentZone } from './config';
import {
  createPublicZone,
  findPublicZoneIds,
  getNameServers,
  HostedZoneFacts,
  listRecordsNamed,
  upsertNsRecord,
  waitForChange,
  WaitOptions,
} from './aws/dns';
import type { AwsClients } from './aws/clients';
import { findWorkloadAccount, InternalApiConfig } from './config';
import { findParentZone, normalizeDomainName, ParentMatch } from './domain';

/** One write the delegation needs, and what became of it. */
export interface DelegationChange {
  change: 'create-zone' | 'delegate';
  /** What is written, e.g. "zone orders.api.acme.com in 444455556666". */
  target: string;
  status: 'unchanged' | 'planned' | 'created';
}

export interface DelegationPlan {
  domain: string;
  accountId: string;
  parent: ParentZone;
  /** The child zone when it exists already. */
  childZone?: HostedZoneFacts;
  changes: DelegationChange[];
}

const sameNameServers = (a: string[], b: string[]) => {
  const norm = (list: string[]) =>
    list
      .map(ns => ns.toLowerCase().replace(/\.$/, ''))
      .sort()
      .join(',');
  return norm(a) === norm(b);
};

/**
 * Read-only: finds the child zone in the workload account and what the parent
 * already says about the name and every name between it and the parent apex.
 * Refuses anything that would take over a delegation or record that is not ours.
 */
export async function planDelegation(options: {
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
  };
}

/** `ctx.checkpoint`: runs `fn` once per task, returning the stored result on a retry. */
export type Checkpoint = <T extends JsonValue>(
  key: string,
  fn: () => Promise<T>,
) => Promise<T>;

/** Makes the planned writes, each under a checkpoint named after what it writes. */
export async function applyDelegation(
  plan: DelegationPlan,
  options: {
    workloadDns: Route53Client;
    parentDns: Route53Client;
    checkpoint: Checkpoint;
    callerReference: string;
    nsTtlSeconds: number;
    wait: WaitOptions;
  },
): Promise<{ zone: HostedZoneFacts; changes: DelegationChange[] }> {
  const { workloadDns, parentDns, checkpoint } = options;
  const [zoneChange, delegateChange] = plan.changes;
  const zone =
    plan.childZone ??
    (await checkpoint(
      `internal-api:dns:create-zone:${plan.accountId}:${plan.domain}`,
      () => createPublicZone(workloadDns, plan.domain, options.callerReference),
    ));
  if (delegateChange.status === 'planned') {
    const changeId = await checkpoint(
      `internal-api:dns:upsert-ns:${plan.parent.hostedZoneId}:${plan.domain}`,
      () =>
        upsertNsRecord(
          parentDns,
          plan.parent.hostedZoneId,
          plan.domain,
          zone.nameServers,
          options.nsTtlSeconds,
        ),
    );
    await waitForChange(parentDns, changeId, options.wait);
  }
  const done = (change: DelegationChange): DelegationChange =>
    change.status === 'planned' ? { ...change, status: 'created' } : change;
  return { zone, changes: [done(zoneChange), done(delegateChange)] };
}

/**
 * Validates the names, opens the two Route 53 clients (workload account and
 * parent zone's account), plans the delegation and hands both to `use`; the
 * clients are closed after. The delegate action applies the plan in `use`;
 * the form's domain check only reads it.
 */
export async function withDelegationPlan<T>(
  options: {
    internalApi: InternalApiConfig;
    aws: AwsClients;
    domainName: string;
    accountId: string;
    /** Who asked, for the assumed role's session name. */
    initiator?: string;
  },
  use: (
    plan: DelegationPlan,
    clients: { workloadDns: Route53Client; parentDns: Route53Client },
  ) => Promise<T>,
): Promise<T> {
  const { internalApi, aws, initiator } = options;
  const domain = normalizeDomainName('domainName', options.domainName);
  const parentMatch = findParentZone(internalApi.parentZones, domain);
  const { accountId } = findWorkloadAccount(internalApi, options.accountId);

  const workloadDns = await aws.route53(accountId, initiator);
  const parentDns = await aws.route53(parentMatch.zone.accountId, initiator);
  try {
    const plan = await planDelegation({
      domain,
      accountId,
      parentMatch,
      workloadDns,
      parentDns,
    });
    return await use(plan, { workloadDns, parentDns });
  } finally {
    workloadDns.destroy();
    parentDns.destroy();
  }
}
