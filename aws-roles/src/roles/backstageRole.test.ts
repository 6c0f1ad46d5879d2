/* eslint jest/expect-expect: ["warn", { "assertFunctionNames": ["expect*", "**.has*", "**.resource*Is"] }] */
import { Match, Template } from 'aws-cdk-lib/assertions';
import { buildRolesApp } from '../rolesApp';
import {
  BACKSTAGE_PRINCIPAL,
  customer,
  dns,
  network,
  orders,
  partner,
  payments,
  REGION,
  rolesConfig,
  TGW,
  VPCS,
  ZONES,
} from '../__testUtils__/rolesLandscape';
import type { AwsRolesConfig } from '../config';

/** One synth of the whole app (Template.fromStack would synthesize it again for each stack). */
function templatesOf(config: AwsRolesConfig) {
  const { app, stacks } = buildRolesApp(config, { validate: false });
  const assembly = app.synth();
  return Object.fromEntries(
    stacks.map(stack => [
      stack.account,
      Template.fromJSON(assembly.getStackByName(stack.stackName).template),
    ]),
  );
}

/** The statement with this Sid in the account's Backstage role policies. */
const expectStatement = (template: Template, sid: string, body: object) =>
  template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
    PolicyDocument: {
      Statement: Match.arrayWith([
        Match.objectLike({ Sid: sid, Effect: 'Allow', ...body }),
      ]),
    },
  });

const expectNoStatement = (template: Template, sid: string) =>
  expect(
    Object.values(template.findResources('AWS::IAM::ManagedPolicy')).flatMap(
      p => p.Properties.PolicyDocument.Statement.map((s: any) => s.Sid),
    ),
  ).not.toContain(sid);

const ec2Arn = (account: string, resource: string) =>
  `arn:aws:ec2:${REGION}:${account}:${resource}`;

describe('the role Backstage assumes', () => {
  const templates = templatesOf(rolesConfig());

  it('is in every account of the landscape, one stack each', () => {
    expect(Object.keys(templates).sort()).toEqual(
      [orders, payments, customer, partner, network, dns].sort(),
    );
  });

  it.each([orders, payments, customer, partner, network, dns])(
    'in %s trusts only Backstage, with its external id and session names',
    account => {
      templates[account].hasResourceProperties('AWS::IAM::Role', {
        RoleName: 'backstage-internal-api',
        AssumeRolePolicyDocument: {
          Statement: [
            {
              Effect: 'Allow',
              Action: 'sts:AssumeRole',
              Principal: { AWS: BACKSTAGE_PRINCIPAL },
              Condition: {
                StringEquals: { 'sts:ExternalId': rolesConfig().externalId },
                StringLike: {
                  'sts:RoleSessionName': ['backstage', 'backstage-*'],
                },
              },
            },
          ],
        },
      });
    },
  );

  it('routes only in tagged route tables of the configured VPC', () => {
    expectStatement(
      templates[customer],
      `Route${VPCS.customer.replace('vpc-', 'Vpc')}ViaTransitGateway`,
      {
        Action: ['ec2:CreateRoute', 'ec2:DeleteRoute'],
        Resource: ec2Arn(customer, 'route-table/*'),
        Condition: {
          ArnEquals: { 'ec2:Vpc': ec2Arn(customer, `vpc/${VPCS.customer}`) },
          StringEquals: {
            'aws:ResourceTag/internal-api.platform/routes': 'managed',
          },
        },
      },
    );
  });

  it('reads with Resource "*" only what authorizes no resource', () => {
    expectStatement(templates[customer], 'ReadVpcsSubnetsAndRouteTables', {
      // CDK renders actions sorted.
      Action: [
        'ec2:DescribeRouteTables',
        'ec2:DescribeSubnets',
        'ec2:DescribeVpcs',
      ],
      Resource: '*',
    });
    expectStatement(templates[customer], 'ReadPrefixListEntriesOfRoutedLists', {
      Action: 'ec2:GetManagedPrefixListEntries',
      Resource: `arn:aws:ec2:${REGION}:*:prefix-list/*`,
    });
    expectStatement(templates[orders], 'ReadDnsAttributesOfWorkloadVpcs', {
      Action: 'ec2:DescribeVpcAttribute',
      Resource: ec2Arn(orders, `vpc/${VPCS.orders}`),
    });
  });

  it('gives an account of several kinds the union: orders places APIs and consumes with a second VPC', () => {
    const t = templates[orders];
    for (const vpc of [VPCS.orders, VPCS.ordersBatch]) {
      expectStatement(
        t,
        `Route${vpc.replace('vpc-', 'Vpc')}ViaTransitGateway`,
        {
          Resource: ec2Arn(orders, 'route-table/*'),
          Condition: Match.objectLike({
            ArnEquals: { 'ec2:Vpc': ec2Arn(orders, `vpc/${vpc}`) },
          }),
        },
      );
    }
    expectStatement(t, 'CreateApiZones', {
      Action: 'route53:CreateHostedZone',
      Resource: '*',
    });
    expectStatement(t, 'ReadVpcEndpointsForPlacement', {
      Action: 'ec2:DescribeVpcEndpoints',
      Resource: '*',
    });
    expectNoStatement(t, 'DelegateSubdomainsFromAcmeCom');
  });

  it('gives payments, a workload and DNS account, both its zones and its parent zone', () => {
    expectStatement(templates[payments], 'DeleteEmptyApiZones', {
      Action: 'route53:DeleteHostedZone',
      Resource: 'arn:aws:route53:::hostedzone/*',
    });
    expectStatement(templates[payments], 'DelegateSubdomainsFromPayAcmeIo', {
      Resource: `arn:aws:route53:::hostedzone/${ZONES.pay.hostedZoneId}`,
    });
  });

  it('gives a consumer-only account routes once per VPC and nothing of placement or DNS', () => {
    const t = templates[partner];
    t.resourceCountIs('AWS::IAM::ManagedPolicy', 2);
    expectStatement(
      t,
      `Route${VPCS.partner.replace('vpc-', 'Vpc')}ViaTransitGateway`,
      {},
    );
    expectNoStatement(t, 'ReadVpcEndpointsForPlacement');
    expectNoStatement(t, 'CreateApiZones');
  });

  it('delegates NS records below the parent domain only: CREATE and DELETE apart, every key required', () => {
    const zone = `arn:aws:route53:::hostedzone/${ZONES.acme.hostedZoneId}`;
    const nsOnly = (action: string) => ({
      Action: 'route53:ChangeResourceRecordSets',
      Resource: zone,
      Condition: {
        'ForAllValues:StringEquals': {
          'route53:ChangeResourceRecordSetsRecordTypes': ['NS'],
          'route53:ChangeResourceRecordSetsActions': [action],
        },
        'ForAllValues:StringLike': {
          'route53:ChangeResourceRecordSetsNormalizedRecordNames': [
            '*.acme.com',
          ],
        },
        Null: {
          'route53:ChangeResourceRecordSetsRecordTypes': 'false',
          'route53:ChangeResourceRecordSetsActions': 'false',
          'route53:ChangeResourceRecordSetsNormalizedRecordNames': 'false',
        },
      },
    });
    expectStatement(
      templates[dns],
      'DelegateSubdomainsFromAcmeCom',
      nsOnly('CREATE'),
    );
    expectStatement(
      templates[dns],
      'UndelegateSubdomainsFromAcmeCom',
      nsOnly('DELETE'),
    );
    expectStatement(templates[dns], 'ReadRecordsOfAcmeCom', {
      Action: 'route53:ListResourceRecordSets',
      Resource: zone,
    });
    expectStatement(templates[dns], 'WaitForParentZoneChanges', {
      Action: 'route53:GetChange',
      Resource: 'arn:aws:route53:::change/*',
    });
  });

  it('routes in the network account only in the configured transit gateway route table', () => {
    const table = ec2Arn(
      network,
      `transit-gateway-route-table/${TGW.routeTableId}`,
    );
    expectStatement(
      templates[network],
      'RouteProviderCIDRsInTgwRtb0123456789abcdef0',
      {
        Action: [
          'ec2:CreateTransitGatewayRoute',
          'ec2:DeleteTransitGatewayRoute',
        ],
        Resource: table,
      },
    );
    expectStatement(
      templates[network],
      'SearchRoutesInTgwRtb0123456789abcdef0',
      {
        Action: 'ec2:SearchTransitGatewayRoutes',
        Resource: table,
      },
    );
    expectStatement(templates[network], 'TargetAttachmentsOfProviderAccounts', {
      Action: 'ec2:CreateTransitGatewayRoute',
      Resource: [network, orders, payments].map(a =>
        ec2Arn(a, 'transit-gateway-attachment/*'),
      ),
    });
  });

  it('without a transit gateway route table, only reads attachments in the network account', () => {
    const config = rolesConfig();
    delete config.internalApi.transitGateway!.routeTableId;
    const t = templatesOf(config)[network];
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: [
          {
            Sid: 'ReadTransitGatewayVpcAttachments',
            Effect: 'Allow',
            Action: 'ec2:DescribeTransitGatewayVpcAttachments',
            Resource: '*',
          },
        ],
      },
    });
  });

  it('follows a configured role name and route table tag', () => {
    const t = templatesOf(
      rolesConfig({
        roleName: 'platform-backstage',
        routeTableTag: { key: 'routing', value: 'backstage' },
      }),
    )[customer];
    t.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'platform-backstage',
    });
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      ManagedPolicyName: 'platform-backstage-route-vpcs',
      PolicyDocument: {
        Statement: [
          Match.objectLike({
            Condition: Match.objectLike({
              StringEquals: { 'aws:ResourceTag/routing': 'backstage' },
            }),
          }),
        ],
      },
    });
  });
});
