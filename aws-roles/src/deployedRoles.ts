import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AwsRolesConfig } from './config';
import type { DeployedRole } from './iam/policyDocument';
import { buildRolesApp } from './rolesApp';
import { rolesInTemplate } from './templateRoles';

/**
 * Every role the roles app deploys, read back from its synthesized
 * CloudFormation templates with intrinsics resolved for each account: what
 * CloudFormation would create, for the IAM evaluator to judge. Synthesizes
 * in-process without cdk-nag and CDK's template validation (the package's
 * tests prove both clean on the same app), so it takes well under a second
 * for a landscape of a few accounts.
 */
export function deployedRoles(config: AwsRolesConfig): DeployedRole[] {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-roles-'));
  try {
    const { app, stacks } = buildRolesApp(config, {
      validate: false,
      outdir,
    });
    const assembly = app.synth();
    return stacks.flatMap(stack =>
      rolesInTemplate(assembly.getStackByName(stack.stackName).template, {
        accountId: stack.account,
        region: stack.region,
      }),
    );
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}
