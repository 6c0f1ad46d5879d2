import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { GrantPolicy } from './grantPolicy';

export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';

/** The CDK bootstrap roles the CLI assumes for `cdk deploy` (DefaultStackSynthesizer). */
export const CDK_BOOTSTRAP_ROLES = [
  'deploy',
  'file-publishing',
  'image-publishing',
  'lookup',
] as const;

export interface GithubDeployRoleProps {
  roleName: string;
  /** The GitHub owner of the repositories. */
  owner: string;
  repositories: string[];
  /** The deploy job's environment, named in the OIDC subject. */
  environment: string;
  /**
   * The account's GitHub OIDC provider.
   * @default - arn:<partition>:iam::<account>:oidc-provider/token.actions.githubusercontent.com
   */
  oidcProviderArn?: string;
  /**
   * Create the provider (an account holds one per URL, so only where none exists).
   * @default false
   */
  createOidcProvider?: boolean;
  cdkQualifier: string;
  /** Regions whose bootstrap roles the workflow may assume (the workload account's regions). */
  regions: string[];
}

/**
 * The role a generated repository's deploy job assumes with its GitHub OIDC
 * token: trusted only for the named repositories' deploy environment, and
 * allowed only to assume the account's CDK bootstrap roles, which deploy.
 */
export class GithubDeployRole extends Construct {
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: GithubDeployRoleProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const providerArn = props.createOidcProvider
      ? new iam.OidcProviderNative(this, 'GithubOidcProvider', {
          url: `https://${GITHUB_OIDC_HOST}`,
          clientIds: ['sts.amazonaws.com'],
          // Other roles of the account may trust it too: deleting the stack must not break them.
          removalPolicy: RemovalPolicy.RETAIN,
        }).oidcProviderArn
      : props.oidcProviderArn ??
        `arn:${stack.partition}:iam::${stack.account}:oidc-provider/${GITHUB_OIDC_HOST}`;

    this.role = new iam.Role(this, 'Resource', {
      roleName: props.roleName,
      description:
        "Assumed by generated repositories' deploy jobs (GitHub OIDC) to run cdk deploy (aws-roles)",
      assumedBy: new iam.FederatedPrincipal(
        providerArn,
        {
          StringEquals: {
            [`${GITHUB_OIDC_HOST}:aud`]: 'sts.amazonaws.com',
            // Exact subjects: a branch, a pull request or another environment of the same repository gets nothing.
            [`${GITHUB_OIDC_HOST}:sub`]: props.repositories.map(
              repository =>
                `repo:${props.owner}/${repository}:environment:${props.environment}`,
            ),
          },
        },
        'sts:AssumeRoleWithWebIdentity',
      ),
    });

    const { policy } = new GrantPolicy(this, 'assume-cdk-roles', {
      managedPolicyName: `${props.roleName}-assume-cdk-roles`,
      description:
        'Assumes the CDK bootstrap roles of this account, which do the deploy',
      grants: [
        {
          // cdk deploy: the CLI assumes these roles (no session tags: the default synthesizer sets none).
          statement: new iam.PolicyStatement({
            sid: 'AssumeCdkBootstrapRoles',
            actions: ['sts:AssumeRole'],
            resources: props.regions.flatMap(region =>
              CDK_BOOTSTRAP_ROLES.map(
                kind =>
                  `arn:${stack.partition}:iam::${stack.account}:role/cdk-${props.cdkQualifier}-${kind}-role-${stack.account}-${region}`,
              ),
            ),
          }),
        },
      ],
    });
    this.role.addManagedPolicy(policy);
  }
}
