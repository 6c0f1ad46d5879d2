import * as fs from 'node:fs';
import { parse } from 'yaml';
import type { AwsRolesConfig } from './config';
import { AwsRolesConfigError, parseAwsRolesConfig } from './parseConfig';

/**
 * Reads the roles config from YAML holding `awsRoles:` and an `internalApi:`
 * block: the platform may point it at the YAML they give Backstage (which
 * then also carries `awsRoles:`), or at a copy.
 */
export function parseAwsRolesYaml(
  yamlText: string,
  source: string,
): AwsRolesConfig {
  let document: unknown;
  try {
    document = parse(yamlText);
  } catch (error) {
    throw new AwsRolesConfigError([
      `${source}: not readable YAML (${
        (error as Error).message
      }); fix the syntax at the line named.`,
    ]);
  }
  const { awsRoles, internalApi } = (document ?? {}) as Record<string, unknown>;
  return parseAwsRolesConfig(awsRoles, internalApi);
}

export function readAwsRolesConfigFile(path: string): AwsRolesConfig {
  if (!fs.existsSync(path)) {
    throw new AwsRolesConfigError([
      `${path}: no such file; copy aws-roles.example.yaml to it, or pass another with -c config=<path>.`,
    ]);
  }
  return parseAwsRolesYaml(fs.readFileSync(path, 'utf8'), path);
}
