import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { Grant, GrantPolicy } from './grantPolicy';
import { boundaryDenials, BoundaryNames } from './deployBoundaryDenials';

export interface DeployBoundaryProps extends BoundaryNames {
  /** Parent domains: the API zones' records live below them. */
  parentDomains: string[];
}

const CEILING =
  'A permissions boundary grants nothing: it caps the CloudFormation execution role (AdministratorAccess by default) and the roles the generated stack creates. The ceiling is per service the stack deploys; the Denies of this policy hold the line.';

const allow = (
  sidText: string,
  actions: string[],
  resources: string[],
  conditions?: Record<string, Record<string, unknown>>,
): Grant => ({
  statement: new iam.PolicyStatement({
    sid: sidText,
    actions,
    resources,
    conditions,
  }),
  wildcardReason: CEILING,
});

/**
 * `internal-api-deploy-boundary`: the most a generated repository's deploy
 * may do in a workload account. The CDK bootstrap attaches it to the
 * CloudFormation execution role (`cdk bootstrap
 * --custom-permissions-boundary`) and the generated cdk.json to every role
 * the stack creates (`@aws-cdk/core:permissionsBoundary`). Modelled on the
 * CDK's example boundary (`cdk bootstrap --example-permissions-boundary`),
 * with a per-service ceiling instead of `*`.
 */
export class DeployBoundary extends Construct {
  readonly policy: iam.ManagedPolicy;

  constructor(scope: Construct, id: string, props: DeployBoundaryProps) {
    super(scope, id);
    const { partition, account } = Stack.of(this);
    const boundaryArn = `arn:${partition}:iam::${account}:policy/${props.boundaryName}`;
    const roles = `arn:${partition}:iam::${account}:role/*`;
    const records = 'route53:ChangeResourceRecordSets';
    const grants: Grant[] = [
      // The generated stack: cluster, task definition, service (Container Insights on).
      allow('DeployEcsServices', ['ecs:*'], ['*']),
      // The internal NLB, its TLS listener and target group.
      allow('DeployLoadBalancers', ['elasticloadbalancing:*'], ['*']),
      // Security groups of the NLB and the tasks, and the VPC endpoints the tasks pull through.
      allow(
        'DeploySecurityGroupsAndVpcEndpoints',
        [
          'ec2:Describe*',
          'ec2:CreateSecurityGroup',
          'ec2:DeleteSecurityGroup',
          'ec2:AuthorizeSecurityGroupIngress',
          'ec2:AuthorizeSecurityGroupEgress',
          'ec2:RevokeSecurityGroupIngress',
          'ec2:RevokeSecurityGroupEgress',
          'ec2:UpdateSecurityGroupRuleDescriptions*',
          'ec2:ModifySecurityGroupRules',
          'ec2:CreateTags',
          'ec2:DeleteTags',
          'ec2:CreateVpcEndpoint',
          'ec2:ModifyVpcEndpoint',
          'ec2:DeleteVpcEndpoints',
          // An interface endpoint with private DNS associates its private zone with the VPC.
          'route53:AssociateVPCWithHostedZone',
        ],
        ['*'],
      ),
      // The task's log group; the execution role writes its streams.
      allow(
        'DeployLogGroups',
        ['logs:*'],
        [`arn:${partition}:logs:*:${account}:*`],
      ),
      // The listener's certificate, validated by DNS in the API's own zone.
      allow('DeployCertificates', ['acm:*'], ['*']),
      // The NLB's access log bucket (configuration only; the ELB service writes the logs).
      allow(
        'DeployAccessLogBuckets',
        [
          's3:CreateBucket',
          's3:DeleteBucket',
          's3:ListBucket',
          's3:GetBucket*',
          's3:PutBucket*',
          's3:DeleteBucketPolicy',
          's3:GetEncryptionConfiguration',
          's3:PutEncryptionConfiguration',
          's3:GetLifecycleConfiguration',
          's3:PutLifecycleConfiguration',
        ],
        [`arn:${partition}:s3:::*`],
      ),
      // The execution role pulls the image (and decrypts it when its repository uses a KMS key).
      allow(
        'PullImages',
        [
          'ecr:GetAuthorizationToken',
          'ecr:BatchCheckLayerAvailability',
          'ecr:GetDownloadUrlForLayer',
          'ecr:BatchGetImage',
          'kms:Decrypt',
        ],
        ['*'],
      ),
      // The API's alias record, read back by CloudFormation.
      allow(
        'ReadApiZones',
        [
          'route53:GetHostedZone',
          'route53:ListHostedZones',
          'route53:ListHostedZonesByName',
          'route53:ListResourceRecordSets',
          'route53:GetChange',
        ],
        ['*'],
      ),
      ...(props.parentDomains.length > 0
        ? [
            // The API's A/AAAA alias and the certificate's CNAME validation record, below the parent domains only.
            allow(
              'WriteRecordsInApiZones',
              [records],
              [`arn:${partition}:route53:::hostedzone/*`],
              {
                'ForAllValues:StringEquals': {
                  'route53:ChangeResourceRecordSetsRecordTypes': [
                    'A',
                    'AAAA',
                    'CNAME',
                  ],
                },
                'ForAllValues:StringLike': {
                  'route53:ChangeResourceRecordSetsNormalizedRecordNames':
                    props.parentDomains.map(domain => `*.${domain}`),
                },
                Null: {
                  'route53:ChangeResourceRecordSetsRecordTypes': 'false',
                  'route53:ChangeResourceRecordSetsNormalizedRecordNames':
                    'false',
                },
              },
            ),
          ]
        : []),
      // The task and execution roles: created, changed and deleted only while they carry this boundary.
      allow(
        'ManageRolesCarryingThisBoundary',
        [
          'iam:CreateRole',
          'iam:PutRolePermissionsBoundary',
          'iam:AttachRolePolicy',
          'iam:DetachRolePolicy',
          'iam:PutRolePolicy',
          'iam:DeleteRolePolicy',
          'iam:UpdateAssumeRolePolicy',
          'iam:UpdateRole',
          'iam:UpdateRoleDescription',
          'iam:DeleteRole',
        ],
        [roles],
        { StringEquals: { 'iam:PermissionsBoundary': boundaryArn } },
      ),
      allow(
        'ReadAndTagRoles',
        [
          'iam:GetRole',
          'iam:GetRolePolicy',
          'iam:ListRolePolicies',
          'iam:ListAttachedRolePolicies',
          'iam:ListRoleTags',
          'iam:TagRole',
          'iam:UntagRole',
        ],
        [roles],
      ),
      // The task definition names the task and execution roles; only ECS tasks may be given them.
      allow('PassRolesToEcsTasks', ['iam:PassRole'], [roles], {
        StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' },
      }),
      // The first ECS service and load balancer of an account create their service-linked roles.
      allow(
        'CreateEcsAndElbServiceLinkedRoles',
        ['iam:CreateServiceLinkedRole'],
        [`arn:${partition}:iam::${account}:role/aws-service-role/*`],
        {
          StringEquals: {
            'iam:AWSServiceName': [
              'ecs.amazonaws.com',
              'elasticloadbalancing.amazonaws.com',
            ],
          },
        },
      ),
      // The stack's BootstrapVersion parameter.
      allow(
        'ReadCdkBootstrapVersion',
        ['ssm:GetParameter', 'ssm:GetParameters'],
        [
          `arn:${partition}:ssm:*:${account}:parameter/cdk-bootstrap/${props.cdkQualifier}/version`,
        ],
      ),
      ...boundaryDenials({ partition, account, boundaryArn, ...props }),
    ];
    this.policy = new GrantPolicy(this, 'Policy', {
      managedPolicyName: props.boundaryName,
      description:
        'Permissions boundary of generated internal API stacks: their CloudFormation execution role and the roles they create (aws-roles)',
      grants,
    }).policy;
  }
}
