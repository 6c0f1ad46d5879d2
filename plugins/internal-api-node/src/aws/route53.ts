import {
  ChangeResourceRecordSetsCommand,
  CreateHostedZoneCommand,
  GetChangeCommand,
  GetHostedZoneCommand,
  ListHostedZonesByNameCommand,
  ListResourceRecordSetsCommand,
  ResourceRecordSet,
  Route53Client,
} from '@aws-sdk/client-route-53';

// A type, not an interface, so that it is JSON a checkpoint can store.
export type HostedZoneFacts = {
  hostedZoneId: string;
  nameServers: string[];
};

/** '/hostedzone/Z123' and 'Z123' alike become 'Z123'. */
export const bareZoneId = (id: string) => id.replace(/^\/hostedzone\//, '');

const fqdn = (name: string) => `${name.replace(/\.$/, '')}.`;

/** Ids of the public hosted zones of exactly this name in the client's account. */
export async function findPublicZoneIds(
  route53: Route53Client,
  name: string,
): Promise<string[]> {
  const { HostedZones = [] } = await route53.send(
    new ListHostedZonesByNameCommand({ DNSName: name, MaxItems: 100 }),
  );
  return HostedZones.filter(
    zone => zone.Name === fqdn(name) && !zone.Config?.PrivateZone,
  ).map(zone => bareZoneId(zone.Id!));
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

/** Every record set of exactly this name (all types) in the zone. */
export async function listRecordsNamed(
  route53: Route53Client,
  hostedZoneId: string,
  name: string,
): Promise<ResourceRecordSet[]> {
  const { ResourceRecordSets = [] } = await route53.send(
    new ListResourceRecordSetsCommand({
      HostedZoneId: hostedZoneId,
      StartRecordName: name,
      MaxItems: 300,
    }),
  );
  return ResourceRecordSets.filter(
    record => record.Name?.toLowerCase() === fqdn(name),
  );
}

export async function createPublicZone(
  route53: Route53Client,
  name: string,
  callerReference: string,
): Promise<HostedZoneFacts> {
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
}

/** Returns the change id to wait on. */
export async function upsertNsRecord(
  route53: Route53Client,
  hostedZoneId: string,
  name: string,
  nameServers: string[],
  ttlSeconds: number,
): Promise<string> {
  const { ChangeInfo } = await route53.send(
    new ChangeResourceRecordSetsCommand({
      HostedZoneId: hostedZoneId,
      ChangeBatch: {
        Comment: `Delegate ${name} (internal-api:dns:delegate)`,
        Changes: [
          {
            Action: 'UPSERT',
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
  return ChangeInfo!.Id!;
}

export interface WaitOptions {
  timeoutMs: number;
  intervalMs: number;
}

/** Polls GetChange until INSYNC; a clear error when the deadline passes first. */
export async function waitForChange(
  route53: Route53Client,
  changeId: string,
  options: WaitOptions,
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const { ChangeInfo } = await route53.send(
      new GetChangeCommand({ Id: changeId }),
    );
    if (ChangeInfo?.Status === 'INSYNC') {
      return;
    }
    if (Date.now() + options.intervalMs > deadline) {
      throw new Error(
        `Route 53 change ${changeId} was still ${
          ChangeInfo?.Status ?? 'unknown'
        } after ${Math.round(
          options.timeoutMs / 1000,
        )} s. The record is written and will propagate; re-run the task to confirm, or check the change in Route 53.`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, options.intervalMs));
  }
}
