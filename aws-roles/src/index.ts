/**
 * The AWS roles of the internal API platform as a CDK app (one stack per
 * account), and the IAM evaluator that judges them against the calls the
 * actions make (iam/).
 */
export type {
  AwsRolesConfig,
  GithubDeployConfig,
  InternalApiLandscape,
} from './config';
export { DEFAULTS } from './config';
export { AwsRolesConfigError, parseAwsRolesConfig } from './parseConfig';
export { parseAwsRolesYaml, readAwsRolesConfigFile } from './configFile';
export { accountNeedsOf } from './accountNeeds';
export type { AccountNeeds, VpcRef } from './accountNeeds';
export { InternalApiRolesStack, rolesStackName } from './internalApiRolesStack';
export type { InternalApiRolesStackProps } from './internalApiRolesStack';
export { addRolesStacks, buildRolesApp, cdkJsonContext } from './rolesApp';
export type { RolesAppOptions } from './rolesApp';
export { deployedRoles } from './deployedRoles';
export { rolesInTemplate } from './templateRoles';
export * from './iam';
