import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { accountNeedsOf } from './accountNeeds';
import type { AwsRolesConfig } from './config';
import { InternalApiRolesStack, rolesStackName } from './internalApiRolesStack';

/** The feature flags of aws-roles/cdk.json: `new App()` outside the CLI does not read them. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = path.join(
    path.dirname(require.resolve('@internal/aws-roles/package.json')),
    'cdk.json',
  );
  return JSON.parse(fs.readFileSync(cdkJson, 'utf8')).context;
}

/** One stack per account of the landscape, each in its account and region. */
export function addRolesStacks(
  app: App,
  config: AwsRolesConfig,
): InternalApiRolesStack[] {
  return accountNeedsOf(config).map(
    account =>
      new InternalApiRolesStack(app, rolesStackName(account.accountId), {
        env: { account: account.accountId, region: account.region },
        config,
        account,
      }),
  );
}

export interface RolesAppOptions {
  /**
   * Run cdk-nag's AwsSolutions checks and CDK's CloudFormation validation at
   * synth, as `cdk synth` does. Off, synth takes a fraction of the time
   * (deployedRoles reads templates that the checked synth already proved).
   * @default true
   */
  validate?: boolean;
  /**
   * Where the cloud assembly is written.
   * @default - a temporary directory
   */
  outdir?: string;
}

/** The roles app as `cdk synth` builds it, for tests and deployedRoles. */
export function buildRolesApp(
  config: AwsRolesConfig,
  options: RolesAppOptions = {},
) {
  const validate = options.validate ?? true;
  const app = new App({
    outdir: options.outdir,
    context: {
      ...cdkJsonContext(),
      ...(validate
        ? {}
        : { '@aws-cdk/core:validateAgainstDefaultRules': false }),
    },
  });
  const stacks = addRolesStacks(app, config);
  if (validate) {
    // Every AwsSolutions finding fails synth unless acknowledged with a reason.
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  }
  return { app, stacks };
}
