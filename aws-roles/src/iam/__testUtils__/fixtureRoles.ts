/**
 * Roles with the statements plugins/scaffolder-internal-api/README.md
 * documents, plus the route-table tag condition, over one small landscape:
 * what the evaluator's tests judge until the synthesized roles exist.
 */
import type { HijackLandscape } from '../hijackAttempts';
import { MANAGED_ROUTE_TABLE_TAG } from '@internal/plugin-internal-api-common';
import type {
  DeployedRole,
  PolicyDocument,
  PolicyStatement,
} from '../policyDocument';

export const LANDSCAPE: HijackLandscape = {
  region: 'eu-west-1',
  mainPrincipalArn: 'arn:aws:iam::123456789012:user/moto',
  externalId: 'internal-api-fixture-external-id',
  dns: {
    accountId: '444455556666',
    roleName: 'backstage-internal-api-dns',
    parentZoneId: 'Z0123456789ABCDEFGHIJ',
    parentDomain: 'acme.com',
    otherZoneId: 'Z9999999999OTHERZONE0',
  },
  workload: {
    accountId: '777788889999',
    roleName: 'backstage-internal-api',
    vpcId: 'vpc-0f1e2d3c4b5a69788',
    otherVpcId: 'vpc-0aaaaaaaaaaaaaaa1',
    managedRouteTableId: 'rtb-0000000000000000a',
    untaggedRouteTableId: 'rtb-0000000000000000b',
    otherVpcRouteTableId: 'rtb-0000000000000000c',
  },
  network: {
    accountId: '111122223333',
    roleName: 'backstage-internal-api-network',
    tgwRouteTableId: 'tgw-rtb-0123456789abcdef0',
    otherTgwRouteTableId: 'tgw-rtb-0fedcba9876543210',
    attachmentId: 'tgw-attach-0123456789abcdef0',
  },
};

const document = (...statements: PolicyStatement[]): PolicyDocument => ({
  Version: '2012-10-17',
  Statement: statements,
});

/** The backend's principal may assume each role, with a `backstage-` session name. */
const trustPolicy = document({
  Effect: 'Allow',
  Principal: { AWS: LANDSCAPE.mainPrincipalArn },
  Action: 'sts:AssumeRole',
  Condition: {
    StringEquals: { 'sts:ExternalId': LANDSCAPE.externalId },
    StringLike: { 'sts:RoleSessionName': 'backstage-*' },
  },
});

const { region, dns, workload, network } = LANDSCAPE;
const parentZone = `arn:aws:route53:::hostedzone/${dns.parentZoneId}`;

const nsRecords = (action: string): PolicyStatement => ({
  Sid: `Ns${action}`,
  Effect: 'Allow',
  Action: 'route53:ChangeResourceRecordSets',
  Resource: parentZone,
  Condition: {
    'ForAllValues:StringEquals': {
      'route53:ChangeResourceRecordSetsRecordTypes': ['NS'],
      'route53:ChangeResourceRecordSetsActions': [action],
    },
    'ForAllValues:StringLike': {
      'route53:ChangeResourceRecordSetsNormalizedRecordNames': [
        `*.${dns.parentDomain}`,
      ],
    },
  },
});

export const DNS_ROLE: DeployedRole = {
  accountId: dns.accountId,
  roleName: dns.roleName,
  trustPolicy,
  policies: [
    {
      name: 'delegate-subdomains',
      document: document(
        {
          Sid: 'ReadParent',
          Effect: 'Allow',
          Action: ['route53:ListResourceRecordSets'],
          Resource: parentZone,
        },
        nsRecords('CREATE'),
        nsRecords('DELETE'),
        {
          Sid: 'WaitForChanges',
          Effect: 'Allow',
          Action: 'route53:GetChange',
          Resource: 'arn:aws:route53:::change/*',
        },
      ),
    },
  ],
};

export const WORKLOAD_ROLE: DeployedRole = {
  accountId: workload.accountId,
  roleName: workload.roleName,
  trustPolicy,
  policies: [
    {
      name: 'read-network',
      document: document({
        Sid: 'Describe',
        Effect: 'Allow',
        Action: [
          'ec2:DescribeVpcs',
          'ec2:DescribeSubnets',
          'ec2:DescribeRouteTables',
          'ec2:GetManagedPrefixListEntries',
        ],
        Resource: '*',
      }),
    },
    {
      name: 'manage-routes',
      document: document({
        Sid: 'RoutesInManagedTables',
        Effect: 'Allow',
        Action: ['ec2:CreateRoute', 'ec2:DeleteRoute'],
        Resource: `arn:aws:ec2:${region}:${workload.accountId}:route-table/*`,
        Condition: {
          StringEquals: {
            'ec2:Vpc': `arn:aws:ec2:${region}:${workload.accountId}:vpc/${workload.vpcId}`,
            [`aws:ResourceTag/${MANAGED_ROUTE_TABLE_TAG.key}`]:
              MANAGED_ROUTE_TABLE_TAG.value,
          },
        },
      }),
    },
  ],
};

const tgwTable = `arn:aws:ec2:${region}:${network.accountId}:transit-gateway-route-table/${network.tgwRouteTableId}`;

export const NETWORK_ROLE: DeployedRole = {
  accountId: network.accountId,
  roleName: network.roleName,
  trustPolicy,
  policies: [
    {
      name: 'transit-gateway-routes',
      document: document(
        {
          Sid: 'Describe',
          Effect: 'Allow',
          Action: [
            'ec2:DescribeTransitGatewayVpcAttachments',
            'ec2:GetTransitGatewayRouteTableAssociations',
          ],
          Resource: '*',
        },
        {
          Sid: 'SearchConfiguredTable',
          Effect: 'Allow',
          Action: 'ec2:SearchTransitGatewayRoutes',
          Resource: tgwTable,
        },
        {
          Sid: 'RoutesInConfiguredTable',
          Effect: 'Allow',
          Action: [
            'ec2:CreateTransitGatewayRoute',
            'ec2:DeleteTransitGatewayRoute',
          ],
          Resource: tgwTable,
        },
        {
          // CreateTransitGatewayRoute also authorizes the attachment it routes to.
          Sid: 'RouteToAttachments',
          Effect: 'Allow',
          Action: 'ec2:CreateTransitGatewayRoute',
          Resource: `arn:aws:ec2:${region}:${network.accountId}:transit-gateway-attachment/*`,
        },
      ),
    },
  ],
};

export const FIXTURE_ROLES = [DNS_ROLE, WORKLOAD_ROLE, NETWORK_ROLE];
