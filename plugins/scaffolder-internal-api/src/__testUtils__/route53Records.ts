import {
  ChangeResourceRecordSetsCommand,
  GetHostedZoneCommand,
  ListHostedZonesCommand,
  ListResourceRecordSetsCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';

// Read and written directly, not through the code under test, to check what
// the delegate action left behind and to set up what it must refuse.

/** Ids of the public zones named `name` in the client's account. */
export async function publicZoneIds(route53: Route53Client, name: string) {
  const { HostedZones = [] } = await route53.send(
    new ListHostedZonesCommand({}),
  );
  return HostedZones.filter(
    zone => zone.Name === `${name}.` && !zone.Config?.PrivateZone,
  ).map(zone => zone.Id!.replace(/^\/hostedzone\//, ''));
}

/**
 * A zone's name servers, from its apex NS record: the sandbox proxy gives
 * each zone made through it servers of its own and writes them there, as
 * AWS does; moto's own GetHostedZone, read directly, answers the four it
 * gives every zone.
 */
export async function zoneNameServers(route53: Route53Client, id: string) {
  const { HostedZone } = await route53.send(
    new GetHostedZoneCommand({ Id: id }),
  );
  const { ResourceRecordSets = [] } = await route53.send(
    new ListResourceRecordSetsCommand({
      HostedZoneId: id,
      StartRecordName: HostedZone!.Name,
      StartRecordType: 'NS',
      MaxItems: 1,
    }),
  );
  // In the order the delegation set lists them.
  return ResourceRecordSets[0]?.ResourceRecords?.map(r => r.Value!) ?? [];
}

/** Every record set of one name in a zone: its type and sorted values. */
export async function recordSets(
  route53: Route53Client,
  hostedZoneId: string,
  name: string,
) {
  const { ResourceRecordSets = [] } = await route53.send(
    new ListResourceRecordSetsCommand({
      HostedZoneId: hostedZoneId,
      StartRecordName: name,
    }),
  );
  return ResourceRecordSets.filter(record => record.Name === `${name}.`).map(
    record => ({
      type: record.Type,
      values: record.ResourceRecords?.map(r => r.Value).sort(),
    }),
  );
}

/** Someone else's record in a zone, e.g. a delegation to other name servers. */
export async function upsertRecord(
  route53: Route53Client,
  hostedZoneId: string,
  record: { name: string; type: 'NS' | 'A'; values: string[] },
) {
  await route53.send(
    new ChangeResourceRecordSetsCommand({
      HostedZoneId: hostedZoneId,
      ChangeBatch: {
        Changes: [
          {
            Action: 'UPSERT',
            ResourceRecordSet: {
              Name: record.name,
              Type: record.type,
              TTL: 300,
              ResourceRecords: record.values.map(Value => ({ Value })),
            },
          },
        ],
      },
    }),
  );
}

/** The caller reference Route 53 keeps for a zone: who created it. */
export async function callerReferenceOf(route53: Route53Client, id: string) {
  const { HostedZone } = await route53.send(
    new GetHostedZoneCommand({ Id: id }),
  );
  return HostedZone?.CallerReference;
}
