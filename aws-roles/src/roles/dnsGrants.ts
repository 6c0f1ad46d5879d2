/**
 * Route 53: the API's own zone in the workload account, and its NS
 * delegation in the parent zone of the DNS account
 * (plugins/internal-api-node/src/aws/route53.ts, route53Removal.ts).
 */
import * as iam from 'aws-cdk-lib/aws-iam';
import { Grant, sid } from './grantPolicy';

const zoneArn = (partition: string, hostedZoneId: string) =>
  `arn:${partition}:route53:::hostedzone/${hostedZoneId}`;

const ANY_ZONE_REASON =
  "The API's zone id exists only once Backstage created it, and Route 53 cannot scope a zone by name or caller reference; the action checks its mark (the caller reference) before deleting, and Route 53 deletes only a zone holding nothing but its SOA and NS.";

/** Workload account: the API's own public hosted zone. */
export const apiZoneGrants = (partition: string): Grant[] => [
  {
    // dns:delegate plan (adoptableZone) and lost-race cleanup, dns:undelegate plan (findPublicZones).
    statement: new iam.PolicyStatement({
      sid: 'FindApiZonesByName',
      actions: ['route53:ListHostedZonesByName'],
      resources: ['*'],
    }),
    wildcardReason:
      'ListHostedZonesByName authorizes no resource type (Service Authorization Reference, Amazon Route 53): IAM accepts only "*".',
  },
  {
    // dns:delegate apply (createPublicZone).
    statement: new iam.PolicyStatement({
      sid: 'CreateApiZones',
      actions: ['route53:CreateHostedZone'],
      resources: ['*'],
    }),
    wildcardReason:
      'CreateHostedZone authorizes no resource type (Service Authorization Reference, Amazon Route 53): IAM accepts only "*".',
  },
  {
    // dns:delegate plan (the zone's name servers), dns:undelegate plan, the lost-race cleanup, the status card.
    statement: new iam.PolicyStatement({
      sid: 'ReadApiZones',
      actions: ['route53:GetHostedZone', 'route53:ListResourceRecordSets'],
      resources: [zoneArn(partition, '*')],
    }),
    wildcardReason: ANY_ZONE_REASON,
  },
  {
    // dns:undelegate apply (removeZone) and dns:delegate's cleanup of the zone it created when it lost the name.
    statement: new iam.PolicyStatement({
      sid: 'DeleteEmptyApiZones',
      actions: ['route53:DeleteHostedZone'],
      resources: [zoneArn(partition, '*')],
    }),
    wildcardReason: ANY_ZONE_REASON,
  },
];

// The request keys of ChangeResourceRecordSets. With ForAllValues an absent key
// holds vacuously, so each statement also requires all three (Null: false).
const RECORD_TYPES = 'route53:ChangeResourceRecordSetsRecordTypes';
const ACTIONS = 'route53:ChangeResourceRecordSetsActions';
const NAMES = 'route53:ChangeResourceRecordSetsNormalizedRecordNames';

const nsChanges = (
  partition: string,
  zone: { domain: string; hostedZoneId: string },
  action: 'CREATE' | 'DELETE',
  name: string,
): iam.PolicyStatement =>
  new iam.PolicyStatement({
    sid: sid(name, zone.domain),
    actions: ['route53:ChangeResourceRecordSets'],
    resources: [zoneArn(partition, zone.hostedZoneId)],
    conditions: {
      'ForAllValues:StringEquals': {
        [RECORD_TYPES]: ['NS'],
        [ACTIONS]: [action],
      },
      // Normalized names: lower case, no trailing dot; `*.` leaves the apex (the zone's own NS) out.
      'ForAllValues:StringLike': { [NAMES]: [`*.${zone.domain}`] },
      Null: { [RECORD_TYPES]: 'false', [ACTIONS]: 'false', [NAMES]: 'false' },
    },
  });

/** DNS account: NS records below each parent domain, created or deleted, never upserted. */
export function parentZoneGrants(
  partition: string,
  zones: Array<{ domain: string; hostedZoneId: string }>,
): Grant[] {
  return [
    ...zones.flatMap(zone => [
      {
        // dns:delegate plan (the names between the API and the parent), dns:undelegate plan, the status card, and the re-read after a refused change.
        statement: new iam.PolicyStatement({
          sid: sid('Read records of', zone.domain),
          actions: ['route53:ListResourceRecordSets'],
          resources: [zoneArn(partition, zone.hostedZoneId)],
        }),
      },
      // dns:delegate apply (createNsRecord: CREATE, so a record written since the plan is never overwritten).
      {
        statement: nsChanges(
          partition,
          zone,
          'CREATE',
          'Delegate subdomains from',
        ),
      },
      // dns:undelegate apply (deleteRecordSet: DELETE of the NS record exactly as read).
      {
        statement: nsChanges(
          partition,
          zone,
          'DELETE',
          'Undelegate subdomains from',
        ),
      },
    ]),
    {
      // dns:undelegate waits for its NS deletion to be INSYNC (waitForChange); the status card asks
      // whether the NS change dns:delegate made is in sync yet (readChange). dns:delegate does not wait.
      statement: new iam.PolicyStatement({
        sid: 'WaitForParentZoneChanges',
        actions: ['route53:GetChange'],
        resources: [`arn:${partition}:route53:::change/*`],
      }),
      wildcardReason:
        'Change ids are issued by each ChangeResourceRecordSets call; GetChange authorizes only change* (Service Authorization Reference, Amazon Route 53), and reading a change status discloses nothing else.',
    },
  ];
}
