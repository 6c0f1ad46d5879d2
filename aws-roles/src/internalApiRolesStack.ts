import { Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { AccountNeeds } from './accountNeeds';
import { AwsRolesConfig, DEFAULTS } from './config';
import { BackstageRole } from './roles/backstageRole';
import { DeployBoundary } from './roles/deployBoundary';
import { GithubDeployRole } from './roles/githubDeployRole';

export interface InternalApiRolesStackProps extends StackProps {
  config: AwsRolesConfig;
  /** The account this stack deploys to, with what its role needs. */
  account: AccountNeeds;
}

export const rolesStackName = (accountId: string) =>
  `InternalApiRoles-${accountId}`;

/**
 * Everything the platform deploys in one account: Backstage's role, and in a
 * workload account the deploy boundary and (with `github`) the deploy role.
 */
export class InternalApiRolesStack extends Stack {
  readonly backstageRole: BackstageRole;
  readonly deployBoundary?: DeployBoundary;
  readonly githubDeployRole?: GithubDeployRole;

  constructor(scope: Construct, id: string, props: InternalApiRolesStackProps) {
    super(scope, id, {
      description: `Roles of the internal API platform in account ${props.account.accountId} (aws-roles)`,
      ...props,
    });
    const { config, account } = props;
    const roleName = config.roleName ?? DEFAULTS.roleName;
    const cdkQualifier = config.cdkQualifier ?? DEFAULTS.cdkQualifier;
    const deployRoleName =
      config.github?.deployRoleName ?? DEFAULTS.deployRoleName;

    this.backstageRole = new BackstageRole(this, 'BackstageRole', {
      roleName,
      principalArn: config.backstagePrincipalArn,
      externalId: config.externalId,
      account,
      routeTableTag: config.routeTableTag ?? DEFAULTS.routeTableTag,
    });
    if (account.workloadVpcs.length === 0) {
      return;
    }
    this.deployBoundary = new DeployBoundary(this, 'DeployBoundary', {
      boundaryName: DEFAULTS.boundaryName,
      backstageRoleName: roleName,
      deployRoleName,
      cdkQualifier,
      parentDomains: (config.internalApi.parentZones ?? []).map(z => z.domain),
      parentZoneIds: account.parentZones.map(z => z.hostedZoneId),
    });
    if (config.github) {
      this.githubDeployRole = new GithubDeployRole(this, 'GithubDeployRole', {
        roleName: deployRoleName,
        owner: config.github.owner,
        repositories: config.github.repositories,
        environment: config.github.environment ?? DEFAULTS.githubEnvironment,
        oidcProviderArn: config.github.oidcProviderArn,
        createOidcProvider: config.github.createOidcProvider,
        cdkQualifier,
        regions: [...new Set(account.workloadVpcs.map(vpc => vpc.region))],
      });
    }
  }
}
