import fs from 'node:fs';
import path from 'node:path';

/** An environment variable that a loaded config file refers to but that is not set. */
export interface MissingVariable {
  name: string;
  file: string;
  line: number;
}

// `${NAME}` substitutions and `$env: NAME` includes; `$${...}` is an escaped literal.
const PLACEHOLDER =
  /(?<!\$)\$\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}|\$env:\s*([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * Backstage drops a config value whose variable is unset and carries on, so a
 * production backend would start against a default database host and fail far
 * from the cause. This check names the variable instead, before anything starts.
 */
export function assertConfigEnvironment(
  argv: string[],
  env: NodeJS.ProcessEnv,
): void {
  const missing = configFilesFromArgs(argv).flatMap(file =>
    findMissingVariables(file, env),
  );
  if (missing.length === 0) {
    return;
  }
  const lines = missing.map(
    ({ name, file, line }) =>
      `  ${name} (used in ${
        path.relative(process.cwd(), file) || file
      }:${line})`,
  );
  throw new Error(
    `Missing environment variables required by the loaded config:\n${lines.join(
      '\n',
    )}\n` + 'Set each variable, or remove the setting that uses it.',
  );
}

/** The local config files named by `--config` arguments; URLs are left to Backstage. */
export function configFilesFromArgs(argv: string[]): string[] {
  const values = argv.flatMap((arg, index) => {
    if (arg === '--config') {
      return argv[index + 1] ? [argv[index + 1]] : [];
    }
    return arg.startsWith('--config=') ? [arg.slice('--config='.length)] : [];
  });
  return values
    .filter(value => !/^https?:\/\//.test(value))
    .map(value => path.resolve(value));
}

export function findMissingVariables(
  file: string,
  env: NodeJS.ProcessEnv,
): MissingVariable[] {
  const missing: MissingVariable[] = [];
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, index) => {
      const content = text.replace(/^\s*#.*$/, '');
      for (const match of content.matchAll(PLACEHOLDER)) {
        const name = match[1] ?? match[2];
        if (env[name] === undefined) {
          missing.push({ name, file, line: index + 1 });
        }
      }
    });
  return missing;
}
