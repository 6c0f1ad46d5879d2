/* eslint jest/expect-expect: ["warn", { "assertFunctionNames": ["expect*", "**.has*", "**.resource*Is"] }] */
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { AwsRolesConfig } from '../config';
import { buildRolesApp } from '../rolesApp';
import {
  customer,
  dns,
  orders,
  payments,
  REGION,
  rolesConfig,
  ZONES,
} from '../__testUtils__/rolesLandscape';

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

const BOUNDARY = `arn:aws:iam::${payments}:policy/internal-api-deploy-boundary`;

const expectBoundaryStatement = (t: Template, sid: string, body: object) =>
  t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
    ManagedPolicyName: 'internal-api-deploy-boundary',
    PolicyDocument: {
      Statement: Match.arrayWith([Match.objectLike({ Sid: sid, ...body })]),
    },
  });

describe('the deploy role of generated repositories', () => {
  const templates = templatesOf(rolesConfig());

  it('exists in workload accounts only', () => {
    templates[orders].resourcePropertiesCountIs(
      'AWS::IAM::Role',
      { RoleName: 'github-deploy' },
      1,
    );
    for (const account of [customer, dns]) {
      templates[account].resourcePropertiesCountIs(
        'AWS::IAM::Role',
        { RoleName: 'github-deploy' },
        0,
      );
      templates[account].resourceCountIs(
        'AWS::IAM::ManagedPolicy',
        account === dns ? 1 : 2,
      );
    }
  });

  it("trusts only GitHub's OIDC provider for the named repositories' production environment", () => {
    templates[orders].hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'github-deploy',
      AssumeRolePolicyDocument: {
        Statement: [
          {
            Effect: 'Allow',
            Action: 'sts:AssumeRoleWithWebIdentity',
            Principal: {
              Federated: `arn:aws:iam::${orders}:oidc-provider/token.actions.githubusercontent.com`,
            },
            Condition: {
              StringEquals: {
                'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
                'token.actions.githubusercontent.com:sub': [
                  'repo:acme/orders-api:environment:production',
                  'repo:acme/payments-api:environment:production',
                ],
              },
            },
          },
        ],
      },
    });
    templates[orders].resourceCountIs('AWS::IAM::OIDCProvider', 0);
  });

  it('may only assume the CDK bootstrap roles of its account and region', () => {
    templates[orders].hasResourceProperties('AWS::IAM::ManagedPolicy', {
      ManagedPolicyName: 'github-deploy-assume-cdk-roles',
      PolicyDocument: {
        Statement: [
          {
            Sid: 'AssumeCdkBootstrapRoles',
            Effect: 'Allow',
            Action: 'sts:AssumeRole',
            Resource: [
              'deploy',
              'file-publishing',
              'image-publishing',
              'lookup',
            ].map(
              kind =>
                `arn:aws:iam::${orders}:role/cdk-hnb659fds-${kind}-role-${orders}-${REGION}`,
            ),
          },
        ],
      },
    });
  });

  it('can create the OIDC provider, keep it on stack deletion, and follow the environment, name and qualifier', () => {
    const t = templatesOf(
      rolesConfig({
        cdkQualifier: 'platform1',
        github: {
          owner: 'acme',
          repositories: ['orders-api'],
          environment: 'prod-eu',
          deployRoleName: 'orders-deploy',
          createOidcProvider: true,
        },
      }),
    )[orders];
    t.hasResource('AWS::IAM::OIDCProvider', {
      Properties: {
        Url: 'https://token.actions.githubusercontent.com',
        ClientIdList: ['sts.amazonaws.com'],
      },
      DeletionPolicy: 'Retain',
    });
    t.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'orders-deploy',
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Principal: {
              Federated: { Ref: Match.stringLikeRegexp('OidcProvider') },
            },
            Condition: Match.objectLike({
              StringEquals: Match.objectLike({
                'token.actions.githubusercontent.com:sub': [
                  'repo:acme/orders-api:environment:prod-eu',
                ],
              }),
            }),
          }),
        ],
      },
    });
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: [
          Match.objectLike({
            Resource: Match.arrayWith([
              `arn:aws:iam::${orders}:role/cdk-platform1-deploy-role-${orders}-${REGION}`,
            ]),
          }),
        ],
      },
    });
  });
});

describe('the deploy permissions boundary', () => {
  const t = templatesOf(rolesConfig())[payments];

  it('is named as the generated cdk.json and cdk bootstrap expect it', () => {
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      ManagedPolicyName: 'internal-api-deploy-boundary',
    });
  });

  it('refuses to create or change a role that does not carry it', () => {
    expectBoundaryStatement(t, 'DenyRolesWithoutThisBoundary', {
      Effect: 'Deny',
      Action: Match.arrayWith([
        'iam:CreateRole',
        'iam:PutRolePermissionsBoundary',
        'iam:PutRolePolicy',
      ]),
      Resource: '*',
      Condition: { StringNotEquals: { 'iam:PermissionsBoundary': BOUNDARY } },
    });
    expectBoundaryStatement(t, 'ManageRolesCarryingThisBoundary', {
      Effect: 'Allow',
      Condition: { StringEquals: { 'iam:PermissionsBoundary': BOUNDARY } },
    });
    expectBoundaryStatement(t, 'DenyRemovingPermissionsBoundaries', {
      Effect: 'Deny',
      Action: [
        'iam:DeleteRolePermissionsBoundary',
        'iam:DeleteUserPermissionsBoundary',
      ],
    });
  });

  it('keeps stacks away from IAM users, keys and groups, and from the platform’s roles and policies', () => {
    expectBoundaryStatement(t, 'DenyIamUsersGroupsAndKeys', {
      Effect: 'Deny',
      // CDK renders actions sorted; arrayWith keeps order.
      Action: Match.arrayWith([
        'iam:CreateAccessKey',
        'iam:CreateGroup',
        'iam:CreateLoginProfile',
        'iam:CreateUser',
      ]),
      Resource: '*',
    });
    expectBoundaryStatement(t, 'DenyPlatformRoles', {
      Effect: 'Deny',
      Action: ['iam:*', 'sts:AssumeRole'],
      Resource: [
        `arn:aws:iam::${payments}:role/backstage-internal-api`,
        `arn:aws:iam::${payments}:role/cdk-hnb659fds-*`,
        `arn:aws:iam::${payments}:role/github-deploy`,
      ],
    });
    expectBoundaryStatement(t, 'DenyPlatformPolicyChanges', {
      Effect: 'Deny',
      Resource: Match.arrayWith([BOUNDARY]),
    });
  });

  it('passes roles to ECS tasks only, and writes records below the parent domains only', () => {
    expectBoundaryStatement(t, 'PassRolesToEcsTasks', {
      Action: 'iam:PassRole',
      Condition: {
        StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' },
      },
    });
    expectBoundaryStatement(t, 'WriteRecordsInApiZones', {
      Condition: Match.objectLike({
        'ForAllValues:StringLike': {
          'route53:ChangeResourceRecordSetsNormalizedRecordNames': [
            '*.acme.com',
            '*.pay.acme.io',
          ],
        },
      }),
    });
  });

  it('keeps stacks off the parent zone of an account that is also a DNS account', () => {
    expectBoundaryStatement(t, 'DenyParentZoneChanges', {
      Effect: 'Deny',
      Resource: `arn:aws:route53:::hostedzone/${ZONES.pay.hostedZoneId}`,
    });
  });
});
