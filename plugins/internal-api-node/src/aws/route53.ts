import { InputError } from '@backstage/errors';
import type { Route53Change } from '@internal/plugin-internal-api-common';
import {
  ChangeResourceRecordSetsCommand,
  CreateHostedZoneCommand,
  GetHostedZoneCommand,
  ListHostedZonesByNameCommand,
  ListResourceRecordSetsCommand,
  ResourceRecordSet,
  Route53Client,
  RRType,
} from '@aws-sdk/client-route-53';
import { route53ChangeOf } from './route53Changes';

// A type, not an interface, so that it is JSON a checkpoint can store.
export type HostedZoneFacts = {
  hostedZoneId: string;
  nameServers: string[];
};

/** '/hostedzone/Z123' and 'Z123' alike become 'Z123'. */
export const bareZoneId = (id: string) => id.replace(/^\/hostedzone\//, '');

const fqdn = (name: string) => `${name.replace(/\.$/, '')}.`;

/** Whether two name server lists are the same set (case and trailing dots aside). */
export const sameNameServers = (a: string[], b: string[]) => {
  const norm = (list: string[]) =>
    list
      .map(ns => ns.toLowerCase().replace(/\.$/, ''))
      .sort()
      .join(',');
  return norm(a) === norm(b);
};

/** A public hosted zone and who created it. */
export type PublicZone = {
  hostedZoneId: string;
  /** Route 53's idempotency token, fixed at creation: the action's zones carry its mark (dns/ownership.ts). */
  callerReference: string;
};

/** The public hosted zones of exactly this name in the client's account. */
export async function findPublicZones(
  route53: Route53Client,
  name: string,
): Promise<PublicZone[]> {
  const { HostedZones = [] } = await route53.send(
    new ListHostedZonesByNameCommand({ DNSName: name, MaxItems: 100 }),
  );
  return HostedZones.filter(
    zone => zone.Name === fqdn(name) && !zone.Config?.PrivateZone,
  ).map(zone => ({
    hostedZoneId: bareZoneId(zone.Id!),
    callerReference: zone.CallerReference ?? '',
  }));
}

export async function getNameServers(
  route53: Route53Client,
  hostedZoneId: string,
): Promise<string[]> {
  const { DelegationSet } = await route53.send(
    new GetHostedZoneCommand({ Id: hostedZoneId }),
  );
  return DelegationSet?.NameServers ?? [];
}

/** Of `zones`, the one whose name servers are `nameServers` (a delegation points at it), if any. */
export async function zoneServedBy(
  route53: Route53Client,
  zones: PublicZone[],
  nameServers: string[],
): Promise<PublicZone | undefined> {
  for (const zone of nameServers.length > 0 ? zones : []) {
    if (
      sameNameServers(
        await getNameServers(route53, zone.hostedZoneId),
        nameServers,
      )
    ) {
      return zone;
    }
  }
  return undefined;
}

/** The zone's name, mark and name servers, or undefined when the account has no zone of that id. */
export async function readHostedZone(
  route53: Route53Client,
  hostedZoneId: string,
): Promise<(PublicZone & { name: string; nameServers: string[] }) | undefined> {
  try {
    const { HostedZone, DelegationSet } = await route53.send(
      new GetHostedZoneCommand({ Id: hostedZoneId }),
    );
    return {
      hostedZoneId: bareZoneId(HostedZone?.Id ?? hostedZoneId),
      name: (HostedZone?.Name ?? '').toLowerCase().replace(/\.$/, ''),
      callerReference: HostedZone?.CallerReference ?? '',
      nameServers: DelegationSet?.NameServers ?? [],
    };
  } catch (error) {
    if ((error as Error).name === 'NoSuchHostedZone') {
      return undefined;
    }
    throw error;
  }
}

const isAtOrBelow = (recordName: string | undefined, name: string) => {
  const record = (recordName ?? '').toLowerCase();
  return record === fqdn(name) || record.endsWith(`.${fqdn(name)}`);
};

/**
 * The record sets from `name` on, in Route 53's order (labels compared from
 * the right, so a name's own records come first and its subtree follows), for
 * as long as `keep` holds: the listing stops at the first record past them,
 * so reading one name costs one call however large the zone is.
 */
async function listRecordsFrom(
  route53: Route53Client,
  hostedZoneId: string,
  name: string,
  keep: (recordName: string | undefined) => boolean,
): Promise<ResourceRecordSet[]> {
  const records: ResourceRecordSet[] = [];
  let start: { name?: string; type?: RRType; identifier?: string } = {
    name,
  };
  for (;;) {
    const page = await route53.send(
      new ListResourceRecordSetsCommand({
        HostedZoneId: hostedZoneId,
        StartRecordName: start.name,
        StartRecordType: start.type,
        StartRecordIdentifier: start.identifier,
        MaxItems: 300,
      }),
    );
    const sets = page.ResourceRecordSets ?? [];
    const kept = sets.filter(record => keep(record.Name));
    records.push(...kept);
    if (!page.IsTruncated || kept.length < sets.length) {
      return records;
    }
    start = {
      name: page.NextRecordName,
      type: page.NextRecordType,
      identifier: page.NextRecordIdentifier,
    };
  }
}

/** Every record set of this name and of every name below it. */
export const listRecordsAtAndBelow = (
  route53: Route53Client,
  hostedZoneId: string,
  name: string,
) =>
  listRecordsFrom(route53, hostedZoneId, name, recordName =>
    isAtOrBelow(recordName, name),
  );

/** Every record set of exactly this name (all types) in the zone. */
export const listRecordsNamed = (
  route53: Route53Client,
  hostedZoneId: string,
  name: string,
) =>
  listRecordsFrom(
    route53,
    hostedZoneId,
    name,
    recordName => recordName?.toLowerCase() === fqdn(name),
  );

/** The name servers of the NS record of exactly `name` in the zone, or undefined when it has none. */
export async function readNsRecord(
  route53: Route53Client,
  hostedZoneId: string,
  name: string,
): Promise<string[] | undefined> {
  const ns = (await listRecordsNamed(route53, hostedZoneId, name)).find(
    record => record.Type === 'NS',
  );
  return ns && (ns.ResourceRecords ?? []).map(record => record.Value ?? '');
}

/**
 * Creates the zone. `callerReference` makes it idempotent: when an earlier
 * try created it and the answer was lost, Route 53 refuses the same reference
 * (HostedZoneAlreadyExists) and the zone it made is returned instead.
 */
export async function createPublicZone(
  route53: Route53Client,
  name: string,
  callerReference: string,
): Promise<HostedZoneFacts> {
  try {
    const { HostedZone, DelegationSet } = await route53.send(
      new CreateHostedZoneCommand({
        Name: name,
        CallerReference: callerReference,
        HostedZoneConfig: {
          Comment:
            'Internal API zone, delegated by Backstage (internal-api:dns:delegate)',
        },
      }),
    );
    return {
      hostedZoneId: bareZoneId(HostedZone!.Id!),
      nameServers: DelegationSet?.NameServers ?? [],
    };
  } catch (error) {
    if ((error as Error).name !== 'HostedZoneAlreadyExists') {
      throw error;
    }
    const earlier = (await findPublicZones(route53, name)).find(
      zone => zone.callerReference === callerReference,
    );
    if (!earlier) {
      throw error;
    }
    return {
      hostedZoneId: earlier.hostedZoneId,
      nameServers: await getNameServers(route53, earlier.hostedZoneId),
    };
  }
}

/**
 * The refusal of an NS CREATE that lost the name to someone else's record.
 * `nameServers` are what the parent's NS record holds now (none when another
 * type took the name): they tell which zone won.
 */
export class DelegationTakenError extends InputError {
  constructor(message: string, readonly nameServers: string[]) {
    super(message);
  }
}

/**
 * Creates the NS record with CREATE, never UPSERT: if anyone wrote a record of
 * that name since the plan, Route 53 refuses (InvalidChangeBatch) instead of
 * overwriting it. A record already holding exactly these name servers (an
 * earlier try whose answer was lost) counts as written. Returns the change as
 * Route 53 accepted it (PENDING until it reaches every Route 53 name server),
 * or undefined when the record was there already (its change id is lost).
 */
export async function createNsRecord(
  route53: Route53Client,
  hostedZoneId: string,
  name: string,
  nameServers: string[],
  ttlSeconds: number,
): Promise<Route53Change | undefined> {
  try {
    const { ChangeInfo } = await route53.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: hostedZoneId,
        ChangeBatch: {
          Comment: `Delegate ${name} (internal-api:dns:delegate)`,
          Changes: [
            {
              Action: 'CREATE',
              ResourceRecordSet: {
                Name: name,
                Type: 'NS',
                TTL: ttlSeconds,
                ResourceRecords: nameServers.map(Value => ({ Value })),
              },
            },
          ],
        },
      }),
    );
    return route53ChangeOf(ChangeInfo!);
  } catch (error) {
    if ((error as Error).name !== 'InvalidChangeBatch') {
      throw error;
    }
    const ns = await readNsRecord(route53, hostedZoneId, name);
    const values = ns ?? [];
    if (ns && sameNameServers(values, nameServers)) {
      return undefined;
    }
    throw new DelegationTakenError(
      `${name} got ${
        ns ? `an NS record (${values.join(', ')})` : 'a record'
      } in zone ${hostedZoneId} while the task ran, so it was not delegated. ` +
        'Find out who owns it; run the task again once the name is free.',
      values,
    );
  }
}
