import { createHash } from 'node:crypto';
import http from 'node:http';

/**
 * Route 53 gives each hosted zone a delegation set of its own, and never one
 * name server to two public zones of the same name (it answers
 * `ConflictingDomainExists` rather). moto 5.2 gives every zone the same four
 * (ns-2048.awsdns-64.com …), so two zones of one name look alike, and a
 * parent's NS record for one looks like a delegation to the other: the race
 * "who delegated this name" cannot be told apart. The proxy gives each zone
 * created through it the name servers below: in the answers of
 * CreateHostedZone and GetHostedZone, and in the zone's own apex NS record,
 * which it rewrites in moto right after the zone is made.
 */

/** Four name servers of this zone only, in AWS's form `ns-<n>.awsdns-<nn>.<tld>`. */
export function nameServersOf(zoneId: string): string[] {
  const id = zoneId.replace(/^\/hostedzone\//, '');
  const hash = createHash('sha256').update(id).digest();
  return ['com', 'net', 'org', 'co.uk'].map(
    (tld, i) =>
      `ns-${hash.readUInt16BE(i * 2) % 2048}.awsdns-${String(
        hash[8 + i] % 64,
      ).padStart(2, '0')}-${id.toLowerCase().slice(-6)}.${tld}`,
  );
}

const CREATE_ZONE = /^\/[^/]+\/hostedzone\/?$/;
const GET_ZONE = /^\/[^/]+\/hostedzone\/[^/]+\/?$/;

/** Whether the answer to this request carries a delegation set to give its own name servers. */
export const carriesDelegationSet = (method: string, pathname: string) =>
  (method === 'POST' && CREATE_ZONE.test(pathname)) ||
  (method === 'GET' && GET_ZONE.test(pathname));

/** The zone id (`/hostedzone/…`) of a CreateHostedZone or GetHostedZone answer. */
export const zoneIdOf = (xml: string) =>
  /<HostedZone>[\s\S]*?<Id>([^<]+)<\/Id>/.exec(xml)?.[1];

/** The zone name (with its final dot) of a CreateHostedZone or GetHostedZone answer. */
export const zoneNameOf = (xml: string) =>
  /<HostedZone>[\s\S]*?<Name>([^<]+)<\/Name>/.exec(xml)?.[1];

/** The answer (about `zoneId`) with the zone's own name servers in its delegation set. */
export function withOwnNameServers(xml: string, zoneId: string): string {
  const servers = nameServersOf(zoneId)
    .map(server => `<NameServer>${server}</NameServer>`)
    .join('');
  return xml.replace(
    /<NameServers>[\s\S]*?<\/NameServers>/,
    `<NameServers>${servers}</NameServers>`,
  );
}

/** Rewrites a new zone's apex NS record in moto to its own name servers, as the caller. */
export function giveZoneItsNameServers(options: {
  origin: string;
  /** `/2013-04-01` */
  version: string;
  zoneId: string;
  name: string;
  /** The caller's signature headers: moto tells the account by them. */
  signed: Record<string, string>;
}): Promise<void> {
  const { origin, version, zoneId, name, signed } = options;
  const records = nameServersOf(zoneId)
    .map(server => `<ResourceRecord><Value>${server}</Value></ResourceRecord>`)
    .join('');
  // The TTL AWS (and moto) give a new zone's NS record: two days.
  const body =
    `<?xml version="1.0" encoding="UTF-8"?><ChangeResourceRecordSetsRequest xmlns="https://route53.amazonaws.com/doc/2013-04-01/">` +
    `<ChangeBatch><Changes><Change><Action>UPSERT</Action><ResourceRecordSet><Name>${name}</Name><Type>NS</Type>` +
    `<TTL>172800</TTL><ResourceRecords>${records}</ResourceRecords></ResourceRecordSet></Change></Changes></ChangeBatch>` +
    `</ChangeResourceRecordSetsRequest>`;
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${origin}${version}${zoneId.startsWith('/') ? '' : '/'}${zoneId}/rrset`,
      {
        method: 'POST',
        headers: { ...signed, 'content-type': 'application/xml' },
      },
      response => {
        const parts: Buffer[] = [];
        response.on('data', part => parts.push(part));
        response.on('end', () =>
          response.statusCode! < 300
            ? resolve()
            : reject(
                new Error(
                  `Giving zone ${zoneId} its name servers failed: ${Buffer.concat(
                    parts,
                  )}`,
                ),
              ),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
