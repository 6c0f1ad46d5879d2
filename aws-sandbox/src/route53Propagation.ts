import { randomBytes } from 'node:crypto';
import type { EmulatorAnswer } from './emulatorGaps';

/**
 * Route 53 changes as AWS reports them, for the latency model (awsLatency.ts):
 * a change is PENDING until it reaches every Route 53 name server, then
 * INSYNC. moto answers every ChangeInfo INSYNC, and with one constant id per
 * operation (`/change/C2682N5HXP0BZ4` for every record change), so GetChange
 * cannot tell two changes apart. The proxy gives each change it passes an id
 * of its own, answers it PENDING, and answers GetChange for that id itself:
 * PENDING until `pendingMs` after the change, INSYNC after.
 */

// The requests whose answers carry a ChangeInfo.
const CHANGE_INFO_REQUESTS: [string, RegExp][] = [
  ['POST', /^\/[^/]+\/hostedzone\/[^/]+\/rrset\/?$/],
  ['POST', /^\/[^/]+\/hostedzone\/?$/],
  ['DELETE', /^\/[^/]+\/hostedzone\/[^/]+\/?$/],
];

const GET_CHANGE = /^\/([^/]+)\/change\/([^/]+)\/?$/;

export type Route53Propagation = ReturnType<typeof route53Propagation>;

export function route53Propagation(pendingMs: number, now = Date.now) {
  const submittedAt = new Map<string, number>();
  const statusAt = (submitted: number) =>
    now() - submitted < pendingMs ? 'PENDING' : 'INSYNC';
  return {
    /** Whether the answer to this request carries a ChangeInfo that `pending` rewrites. */
    carriesChangeInfo: (method: string, pathname: string) =>
      CHANGE_INFO_REQUESTS.some(
        ([verb, path]) => verb === method && path.test(pathname),
      ),
    /** A successful answer's ChangeInfo as a new change of its own, PENDING. */
    pending(xml: string): string {
      // AWS's form: C and upper-case letters and digits.
      const id = `C${randomBytes(8).toString('hex').toUpperCase()}`;
      submittedAt.set(id, now());
      return xml.replace(/<ChangeInfo>[\s\S]*?<\/ChangeInfo>/, info =>
        info
          .replace(/<Id>[^<]*<\/Id>/, `<Id>/change/${id}</Id>`)
          .replace(/<Status>[^<]*<\/Status>/, '<Status>PENDING</Status>'),
      );
    },
    /** The answer to a GetChange for a change `pending` named, else undefined (forward it). */
    answer(method: string, pathname: string): EmulatorAnswer | undefined {
      const match = method === 'GET' ? GET_CHANGE.exec(pathname) : null;
      const id =
        match && decodeURIComponent(match[2]).replace(/^\/?change\//, '');
      const submitted = id ? submittedAt.get(id) : undefined;
      if (submitted === undefined) {
        return undefined;
      }
      return {
        status: 200,
        body:
          `<?xml version="1.0" encoding="UTF-8"?>\n<GetChangeResponse xmlns="https://route53.amazonaws.com/doc/${
            match![1]
          }/">` +
          `<ChangeInfo><Id>/change/${id}</Id><Status>${statusAt(
            submitted,
          )}</Status>` +
          `<SubmittedAt>${new Date(
            submitted,
          ).toISOString()}</SubmittedAt></ChangeInfo></GetChangeResponse>`,
      };
    },
  };
}
