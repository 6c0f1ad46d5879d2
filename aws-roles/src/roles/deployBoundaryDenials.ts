import * as iam from 'aws-cdk-lib/aws-iam';
import type { Grant } from './grantPolicy';

/** The names of what the platform owns in a workload account, which generated stacks must not touch. */
export interface BoundaryNames {
  boundaryName: string;
  /** The role Backstage assumes. */
  backstageRoleName: string;
  /** The generated repositories' deploy role. */
  deployRoleName: string;
  cdkQualifier: string;
  /** Parent zones this account owns (when it is also a DNS account). */
  parentZoneIds: string[];
}

const deny = (
  sid: string,
  actions: string[],
  resources: string[],
  conditions?: Record<string, Record<string, unknown>>,
): Grant => ({
  statement: new iam.PolicyStatement({
    sid,
    effect: iam.Effect.DENY,
    actions,
    resources,
    conditions,
  }),
});

/**
 * The Denies of the deploy boundary: they hold even if the ceiling above
 * them is widened later, as in the CDK's example boundary.
 */
export function boundaryDenials(
  props: BoundaryNames & {
    partition: string;
    account: string;
    boundaryArn: string;
  },
): Grant[] {
  const { partition, account, boundaryArn, cdkQualifier } = props;
  const iamArn = (resource: string) =>
    `arn:${partition}:iam::${account}:${resource}`;
  return [
    // No role is created or changed unless it carries this boundary (the CDK example's core rule).
    deny(
      'DenyRolesWithoutThisBoundary',
      [
        'iam:CreateRole',
        'iam:PutRolePermissionsBoundary',
        'iam:AttachRolePolicy',
        'iam:PutRolePolicy',
        'iam:DetachRolePolicy',
        'iam:DeleteRolePolicy',
        'iam:UpdateAssumeRolePolicy',
        'iam:UpdateRole',
        'iam:UpdateRoleDescription',
        'iam:DeleteRole',
      ],
      ['*'],
      { StringNotEquals: { 'iam:PermissionsBoundary': boundaryArn } },
    ),
    deny(
      'DenyRemovingPermissionsBoundaries',
      [
        'iam:DeleteRolePermissionsBoundary',
        'iam:DeleteUserPermissionsBoundary',
      ],
      ['*'],
    ),
    // Long-lived credentials and people: never from a service's stack.
    deny(
      'DenyIamUsersGroupsAndKeys',
      [
        'iam:CreateUser',
        'iam:CreateAccessKey',
        'iam:CreateLoginProfile',
        'iam:UpdateLoginProfile',
        'iam:CreateGroup',
        'iam:AddUserToGroup',
        'iam:AttachUserPolicy',
        'iam:PutUserPolicy',
        'iam:PutUserPermissionsBoundary',
        'iam:AttachGroupPolicy',
        'iam:PutGroupPolicy',
        'iam:CreateServiceSpecificCredential',
        'iam:UploadSSHPublicKey',
        'iam:UploadSigningCertificate',
      ],
      ['*'],
    ),
    // The platform's roles: Backstage's, the deploy role and the CDK bootstrap roles.
    deny(
      'DenyPlatformRoles',
      ['iam:*', 'sts:AssumeRole'],
      [
        iamArn(`role/${props.backstageRoleName}`),
        iamArn(`role/${props.deployRoleName}`),
        iamArn(`role/cdk-${cdkQualifier}-*`),
      ],
    ),
    // This boundary and the platform roles' policies (named after their roles).
    deny(
      'DenyPlatformPolicyChanges',
      [
        'iam:CreatePolicyVersion',
        'iam:DeletePolicy',
        'iam:DeletePolicyVersion',
        'iam:SetDefaultPolicyVersion',
        'iam:TagPolicy',
        'iam:UntagPolicy',
      ],
      [
        boundaryArn,
        iamArn(`policy/${props.backstageRoleName}-*`),
        iamArn(`policy/${props.deployRoleName}-*`),
      ],
    ),
    // The CDK staging bucket holds every stack's templates and assets.
    deny(
      'DenyCdkStagingBucketChanges',
      [
        's3:DeleteBucket*',
        's3:PutBucket*',
        's3:PutEncryptionConfiguration',
        's3:PutLifecycleConfiguration',
      ],
      [`arn:${partition}:s3:::cdk-${cdkQualifier}-assets-${account}-*`],
    ),
    // When this account also owns parent zones: those belong to the delegation, not to a service.
    ...(props.parentZoneIds.length > 0
      ? [
          deny(
            'DenyParentZoneChanges',
            ['route53:ChangeResourceRecordSets', 'route53:DeleteHostedZone'],
            props.parentZoneIds.map(
              id => `arn:${partition}:route53:::hostedzone/${id}`,
            ),
          ),
        ]
      : []),
  ];
}
