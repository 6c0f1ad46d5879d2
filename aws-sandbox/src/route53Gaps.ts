import http, { type IncomingHttpHeaders } from 'node:http';
import type { EmulatorAnswer } from './emulatorGaps';
import {
  carriesDelegationSet,
  giveZoneItsNameServers,
  withOwnNameServers,
  zoneIdOf,
  zoneNameOf,
} from './route53NameServers';
import type { Route53Propagation } from './route53Propagation';

/**
 * Route 53's DELETE and CREATE of a record set, as AWS answers them where
 * moto 5.2 does not. CREATE: AWS refuses one whose name and type exist.
 * DELETE: AWS deletes a record set only when the request carries it exactly as
 * it is (TTL, values in any order, alias target, set identifier), and answers
 * `InvalidChangeBatch` otherwise: "... but it was not found" or "... but the
 * values provided do not match the current values". moto checks the DELETE
 * against its journal of past writes, not the zone: it deletes a record whose
 * values changed since (by name and type alone), and accepts a second DELETE
 * of a record already gone. Guarded deletes ("only if it still holds what we
 * read") depend on AWS's answer, so the proxy reads the zone from the
 * emulator and refuses such a DELETE itself, before moto sees it.
 *
 * Each DELETE of a batch is checked against the zone as it is before the
 * batch (enough for batches that do not delete and re-create one name). A
 * DELETE that passes goes on to moto, which still wants the values in the
 * order it stores them (AWS takes any order): send them as they were read.
 */
export type ReadRecordSets = (
  /** `/2013-04-01/hostedzone/<id>/rrset` */
  rrsetPath: string,
  name: string,
  type: string,
) => Promise<string>;

type RecordSet = {
  name: string;
  type: string;
  setIdentifier?: string;
  /** TTL, sorted values and alias target: what must match for a DELETE. */
  content: string;
};

const RRSET_PATH = /^(\/[^/]+\/hostedzone\/[^/]+\/rrset)\/?$/;

const decode = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

const element = (xml: string, name: string) => {
  const match = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml);
  return match ? decode(match[1]) : undefined;
};

const fqdn = (name: string) => `${name.toLowerCase().replace(/\.$/, '')}.`;

function recordSetOf(xml: string): RecordSet {
  const values = [...xml.matchAll(/<Value>([\s\S]*?)<\/Value>/g)]
    .map(match => decode(match[1]))
    .sort();
  const alias = element(xml, 'AliasTarget');
  return {
    name: fqdn(element(xml, 'Name') ?? ''),
    type: element(xml, 'Type') ?? '',
    setIdentifier: element(xml, 'SetIdentifier'),
    content: JSON.stringify({
      ttl: element(xml, 'TTL'),
      values,
      alias: alias && {
        zone: element(alias, 'HostedZoneId'),
        dnsName: fqdn(element(alias, 'DNSName') ?? ''),
      },
    }),
  };
}

const invalidChangeBatch = (message: string): EmulatorAnswer => ({
  status: 400,
  body:
    '<?xml version="1.0"?>\n<ErrorResponse xmlns="https://route53.amazonaws.com/doc/2013-04-01/">' +
    `<Error><Type>Sender</Type><Code>InvalidChangeBatch</Code><Message>${message}</Message></Error>` +
    '<RequestId>sandbox-proxy</RequestId></ErrorResponse>',
});

/** The zone path (`/2013-04-01/hostedzone/<id>/rrset`) of a ChangeResourceRecordSets request, else undefined. */
export const changedZone = (method: string, pathname: string) =>
  method === 'POST' ? RRSET_PATH.exec(pathname)?.[1] : undefined;

/**
 * AWS's refusal of a `ChangeResourceRecordSets` request whose DELETE does
 * not match the zone, or whose CREATE names a record set that exists ("...
 * but it already exists"; moto stores a second one), or undefined to forward
 * the request. Only that operation (POST to a zone's `rrset`) is looked at.
 * The check and the change are one step on AWS (a batch is atomic): the
 * proxy lets one change per zone through at a time (`zoneTurns`).
 */
export async function route53ChangeRefusal(
  method: string,
  pathname: string,
  body: string,
  read: ReadRecordSets,
): Promise<EmulatorAnswer | undefined> {
  const rrsetPath = changedZone(method, pathname);
  if (!rrsetPath) {
    return undefined;
  }
  const changes = [...body.matchAll(/<Change>([\s\S]*?)<\/Change>/g)]
    .map(([, change]) => ({
      action: element(change, 'Action'),
      wanted: recordSetOf(element(change, 'ResourceRecordSet')!),
    }))
    .filter(({ action }) => action === 'DELETE' || action === 'CREATE');
  for (const { action, wanted } of changes) {
    const listing = await read(rrsetPath, wanted.name, wanted.type);
    const current = [
      ...listing.matchAll(
        /<ResourceRecordSet>([\s\S]*?)<\/ResourceRecordSet>/g,
      ),
    ]
      .map(([, xml]) => recordSetOf(xml))
      .find(
        set =>
          set.name === wanted.name &&
          set.type === wanted.type &&
          set.setIdentifier === wanted.setIdentifier,
      );
    const said = `Tried to ${action!.toLowerCase()} resource record set [name='${
      wanted.name
    }', type='${wanted.type}'${
      wanted.setIdentifier ? `, set-identifier='${wanted.setIdentifier}'` : ''
    }]`;
    if (action === 'CREATE') {
      if (current) {
        return invalidChangeBatch(`[${said} but it already exists]`);
      }
    } else if (!current) {
      return invalidChangeBatch(`${said} but it was not found`);
    } else if (current.content !== wanted.content) {
      return invalidChangeBatch(
        `${said} but the values provided do not match the current values`,
      );
    }
  }
  return undefined;
}

/**
 * One change at a time per zone: `take(zone)` resolves when the zone's
 * earlier changes are answered, with the function that lets the next one in.
 */
export function zoneTurns() {
  const last = new Map<string, Promise<void>>();
  return {
    async take(zone: string): Promise<() => void> {
      const before = last.get(zone) ?? Promise.resolve();
      let release!: () => void;
      const mine = new Promise<void>(resolve => {
        release = resolve;
      });
      last.set(
        zone,
        before.then(() => mine),
      );
      await before;
      return release;
    },
  };
}

/**
 * The caller's signature headers, for the proxy's own requests to the
 * emulator on the caller's behalf: moto keeps each account's zones apart and
 * tells the account by the request's access key.
 */
const callerSignature = (headers: IncomingHttpHeaders) =>
  Object.fromEntries(
    ['authorization', 'x-amz-date', 'x-amz-security-token']
      .filter(name => typeof headers[name] === 'string')
      .map(name => [name, headers[name] as string]),
  );

/** Reads record sets from the emulator as the caller (`callerSignature`). */
export function readRecordSetsAs(
  origin: string,
  headers: IncomingHttpHeaders,
): ReadRecordSets {
  const signed = callerSignature(headers);
  return (rrsetPath, name, type) =>
    new Promise((resolve, reject) => {
      const url = new URL(`${origin}${rrsetPath}`);
      url.search = new URLSearchParams({
        name,
        type,
        maxitems: '100',
      }).toString();
      http
        .get(url, { headers: signed }, response => {
          const parts: Buffer[] = [];
          response.on('data', part => parts.push(part));
          response.on('end', () => resolve(Buffer.concat(parts).toString()));
        })
        .on('error', reject);
    });
}

/**
 * The proxy's Route 53 side: AWS's refusals (DELETE, CREATE) checked one
 * change per zone at a time, and each zone created through the proxy given
 * name servers of its own (route53NameServers.ts). With `propagation` (the
 * latency model's), changes are PENDING for a while, as on AWS.
 */
export function route53Gaps(
  emulatorOrigin: string,
  propagation?: Route53Propagation,
) {
  const turns = zoneTurns();
  const zonesWithOwnNameServers = new Set<string>();
  const ownNameServers = async (
    method: string,
    pathname: string,
    xml: string,
    headers: IncomingHttpHeaders,
  ) => {
    const zoneId = zoneIdOf(xml);
    if (!zoneId) {
      return xml;
    }
    if (method === 'POST') {
      await giveZoneItsNameServers({
        origin: emulatorOrigin,
        version: `/${pathname.split('/')[1]}`,
        zoneId,
        name: zoneNameOf(xml)!,
        signed: callerSignature(headers),
      });
      zonesWithOwnNameServers.add(zoneId);
    }
    return zonesWithOwnNameServers.has(zoneId)
      ? withOwnNameServers(xml, zoneId)
      : xml;
  };
  return {
    /**
     * Before a call goes to the emulator: AWS's refusal, if any, and `done`,
     * to call once the call is answered (it lets the zone's next change in).
     */
    async check(
      method: string,
      pathname: string,
      body: string,
      headers: IncomingHttpHeaders,
    ): Promise<{ answer?: EmulatorAnswer; done: () => void }> {
      const changeStatus = propagation?.answer(method, pathname);
      if (changeStatus) {
        return { answer: changeStatus, done: () => undefined };
      }
      const zone = changedZone(method, pathname);
      const done = zone ? await turns.take(zone) : () => undefined;
      try {
        const answer = await route53ChangeRefusal(
          method,
          pathname,
          body,
          readRecordSetsAs(emulatorOrigin, headers),
        );
        return { answer, done };
      } catch (error) {
        done();
        throw error;
      }
    },
    patches: (method: string, pathname: string) =>
      carriesDelegationSet(method, pathname) ||
      Boolean(propagation?.carriesChangeInfo(method, pathname)),
    /** The emulator's answer as AWS would give it. */
    async patch(
      method: string,
      pathname: string,
      status: number,
      xml: string,
      headers: IncomingHttpHeaders,
    ): Promise<string> {
      if (status >= 300) {
        return xml;
      }
      const answer = await ownNameServers(method, pathname, xml, headers);
      return propagation?.carriesChangeInfo(method, pathname)
        ? propagation.pending(answer)
        : answer;
    },
  };
}
