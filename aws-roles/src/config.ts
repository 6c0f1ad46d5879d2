/**
 * What the roles app deploys, typed: Backstage's principal and external id,
 * the `internalApi` landscape (the same block Backstage reads), and the
 * generated repositories' GitHub settings.
 */
import {
  type AwsLocation,
  type ConsumerNetwork,
  MANAGED_ROUTE_TABLE_TAG,
  type WorkloadAccount,
} from '@internal/plugin-internal-api-common';

/**
 * The parts of Backstage's `internalApi` block the roles follow (its schema:
 * plugins/internal-api-node/config.d.ts); other keys (owners, admins,
 * approval, status) are accepted and ignored. Each workload account's and
 * consumer's VPC gets the routes; the parent zones get the NS records.
 */
export interface InternalApiLandscape {
  workloadAccounts: WorkloadAccount[];
  consumers?: ConsumerNetwork[];
  transitGateway?: AwsLocation & {
    id: string;
    /** When set, the provider attachment gets a static route in this table. */
    routeTableId?: string;
  };
  parentZones?: Array<{
    /** e.g. acme.com: subdomains below it are delegated. */
    domain: string;
    hostedZoneId: string;
    /** The DNS account that owns the zone. */
    accountId: string;
  }>;
}

/** The deploy role that generated repositories' workflows assume through GitHub's OIDC provider. */
export interface GithubDeployConfig {
  /** The GitHub organisation or user that owns the generated repositories. */
  owner: string;
  /** Repository names (without the owner) whose workflows may deploy. */
  repositories: string[];
  /**
   * The GitHub environment of the deploy job (the OIDC `sub` names it).
   * @default 'production'
   */
  environment?: string;
  /**
   * The account's GitHub OIDC provider, when it has one already (an account
   * holds one provider per URL).
   * @default arn:<partition>:iam::<account>:oidc-provider/token.actions.githubusercontent.com
   */
  oidcProviderArn?: string;
  /**
   * Create the OIDC provider in each workload account instead of importing it.
   * @default false
   */
  createOidcProvider?: boolean;
  /**
   * The role's name; the generated workflow assumes `vars.DEPLOY_ROLE_NAME || 'github-deploy'`.
   * @default 'github-deploy'
   */
  deployRoleName?: string;
}

export interface AwsRolesConfig {
  /** Who assumes the roles: Backstage's backend, e.g. its task role in the platform account. */
  backstagePrincipalArn: string;
  /** `sts:ExternalId` Backstage sends (`aws.accountDefaults.externalId` / `aws.accounts[].externalId`). */
  externalId: string;
  /**
   * The role's name in every account (`aws.accountDefaults.roleName` in Backstage config).
   * @default 'backstage-internal-api'
   */
  roleName?: string;
  /**
   * The tag a route table must carry for Backstage to add or remove routes in it.
   * @default { key: 'internal-api.platform/routes', value: 'managed' }
   */
  routeTableTag?: { key: string; value: string };
  internalApi: InternalApiLandscape;
  /** Without it, no deploy role is created (the boundary still is). */
  github?: GithubDeployConfig;
  /**
   * The CDK bootstrap qualifier of the workload accounts.
   * @default 'hnb659fds'
   */
  cdkQualifier?: string;
}

export const DEFAULTS = {
  roleName: 'backstage-internal-api',
  routeTableTag: MANAGED_ROUTE_TABLE_TAG,
  githubEnvironment: 'production',
  deployRoleName: 'github-deploy',
  cdkQualifier: 'hnb659fds',
  /** The generated repository's cdk.json names it (`@aws-cdk/core:permissionsBoundary`). */
  boundaryName: 'internal-api-deploy-boundary',
} as const;
