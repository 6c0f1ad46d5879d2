import { createHash } from 'node:crypto';
import {
  ListResourceRecordSetsCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import type { AwsClient } from '../aws/access';

/**
 * Two Route 53 rules the delegation race depends on, which moto 5.2 does not
 * keep and the sandbox proxy does not restore (../../../../aws-sandbox/src/
 * route53Gaps.ts closes only DELETE's), added to the clients of a test as
 * client middleware (`onClient`):
 * - A change batch is atomic, and a CREATE of a record set that exists is
 *   refused with `InvalidChangeBatch` ("... but it already exists"); moto
 *   stores a second record set. Batches to one zone are run one at a time
 *   here, each checked against the zone first.
 * - Public zones of the same name never share a name server (AWS answers
 *   `ConflictingDomainExists` rather than give them one); moto gives every
 *   zone the same four. Here each zone's delegation set is its own, derived
 *   from its id, in CreateHostedZone and GetHostedZone answers.
 * Only calls made through these clients are covered: readers that go to
 * moto directly still see its shared name servers.
 */
export function route53AsAws() {
  const zoneLocks = new Map<string, Promise<unknown>>();
  const inZoneOrder = <T>(zoneId: string, run: () => Promise<T>) => {
    const turn = (zoneLocks.get(zoneId) ?? Promise.resolve()).then(run, run);
    zoneLocks.set(
      zoneId,
      turn.catch(() => undefined),
    );
    return turn;
  };

  const onClient = (client: AwsClient) => {
    if (!(client instanceof Route53Client)) {
      return;
    }
    client.middlewareStack.add(
      (next, context) => async (args: any) => {
        switch (context.commandName) {
          case 'ChangeResourceRecordSetsCommand': {
            const { HostedZoneId, ChangeBatch } = args.input;
            return inZoneOrder(HostedZoneId, async () => {
              for (const change of ChangeBatch.Changes) {
                if (change.Action === 'CREATE') {
                  await refuseExisting(client, HostedZoneId, change);
                }
              }
              return next(args);
            });
          }
          case 'CreateHostedZoneCommand':
          case 'GetHostedZoneCommand': {
            const result: any = await next(args);
            const { HostedZone, DelegationSet } = result.output;
            if (HostedZone?.Id && DelegationSet) {
              DelegationSet.NameServers = nameServersOf(HostedZone.Id);
            }
            return result;
          }
          default:
            return next(args);
        }
      },
      { step: 'initialize', name: 'route53AsAws' },
    );
  };
  return { onClient };
}

/** Four name servers of this zone only, as AWS assigns them: `ns-<n>.awsdns-<nn>.<tld>`. */
export function nameServersOf(zoneId: string): string[] {
  const hash = createHash('sha256').update(zoneId).digest();
  return ['com', 'net', 'org', 'co.uk'].map(
    (tld, i) =>
      `ns-${hash.readUInt16BE(i * 2) % 2048}.awsdns-${hash[8 + i]}${zoneId
        .replace(/^\/hostedzone\//, '')
        .toLowerCase()
        .slice(-4)}.${tld}`,
  );
}

async function refuseExisting(
  client: Route53Client,
  hostedZoneId: string,
  change: { ResourceRecordSet: { Name: string; Type: string } },
) {
  const { Name, Type } = change.ResourceRecordSet;
  const fqdn = `${Name.toLowerCase().replace(/\.$/, '')}.`;
  const { ResourceRecordSets = [] } = await client.send(
    new ListResourceRecordSetsCommand({
      HostedZoneId: hostedZoneId,
      StartRecordName: fqdn,
      MaxItems: 100,
    }),
  );
  if (
    ResourceRecordSets.some(
      set => set.Name?.toLowerCase() === fqdn && set.Type === Type,
    )
  ) {
    throw Object.assign(
      new Error(
        `[Tried to create resource record set [name='${fqdn}', type='${Type}'] but it already exists]`,
      ),
      { name: 'InvalidChangeBatch' },
    );
  }
}
