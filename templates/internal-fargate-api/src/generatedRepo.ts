import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './templateFiles';

/** Renders land inside this repository, so the generated repo resolves this repo's node_modules (no install per render). */
export const rendersDir = path.join(repoRoot, '.artifacts', 'renders');

const bin = {
  tsc: path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'),
  jest: path.join(repoRoot, 'node_modules', 'jest', 'bin', 'jest.js'),
  cdk: path.join(repoRoot, 'node_modules', 'aws-cdk', 'bin', 'cdk'),
};

/** Writes a dry-run's files to `<root>/<name>`: inside this repository by default, or anywhere else (a temporary folder) to build it on its own. */
export function writeRender(
  name: string,
  files: { path: string; base64Content: string }[],
  root = rendersDir,
): string {
  const dir = path.join(root, name);
  fs.rmSync(dir, { recursive: true, force: true });
  for (const file of files) {
    const target = path.join(dir, file.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, Buffer.from(file.base64Content, 'base64'));
  }
  return dir;
}

export interface CommandResult {
  command: string;
  status: number | null;
  output: string;
  seconds: number;
}

/**
 * The environment of the generated repo's own tooling: not this repo's jest
 * environment, nor what npm passes to this repo's scripts (its package, its
 * prefix, its workspace), nor this repo's module paths.
 */
export function generatedRepoEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    CI: 'true',
  };
  for (const key of Object.keys(env)) {
    const machineConfig = /^npm_config_(registry|cache|cafile|.*proxy)$/i;
    if (
      ['JEST_WORKER_ID', 'NODE_PATH', 'INIT_CWD'].includes(key) ||
      (/^npm_/i.test(key) && !machineConfig.test(key))
    ) {
      delete env[key];
    }
  }
  return env;
}

function run(
  dir: string,
  command: string,
  args: string[],
  timeoutMs = 180_000,
): CommandResult {
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd: dir,
    encoding: 'utf8',
    timeout: timeoutMs,
    env: generatedRepoEnv(),
  });
  return {
    command: [path.basename(command), ...args].join(' '),
    status: result.status,
    output: `${result.stdout}\n${result.stderr}`,
    seconds: (Date.now() - started) / 1000,
  };
}

/** The generated repository's own checks, as its README and CI run them. */
export const generatedRepo = {
  typecheck: (dir: string) => run(dir, process.execPath, [bin.tsc, '-p', '.']),
  test: (dir: string) => run(dir, process.execPath, [bin.jest, '--ci']),
  synth: (dir: string) =>
    run(dir, process.execPath, [bin.cdk, 'synth', '--quiet']),
  cfnLint: (dir: string, stackName: string) =>
    run(dir, 'cfn-lint', [path.join('cdk.out', `${stackName}.template.json`)]),
};

/**
 * The generated repository on its own, as its CI runs it: installed from its
 * lockfile into its own node_modules (from the npm cache when it has the
 * packages), then its own scripts and its own cdk. Run it outside this
 * repository, or Node resolves this repository's node_modules.
 */
export const standaloneRepo = {
  install: (dir: string) =>
    run(
      dir,
      'npm',
      ['ci', '--prefer-offline', '--no-audit', '--no-fund'],
      600_000,
    ),
  test: (dir: string) => run(dir, 'npm', ['test'], 300_000),
  synth: (dir: string) =>
    run(dir, 'npx', ['--no', 'cdk', 'synth', '--quiet'], 300_000),
};

export function synthesizedTemplate(dir: string, stackName: string) {
  return JSON.parse(
    fs.readFileSync(
      path.join(dir, 'cdk.out', `${stackName}.template.json`),
      'utf8',
    ),
  ) as {
    Resources: Record<
      string,
      { Type: string; Properties: Record<string, any> }
    >;
  };
}

/** For jest: fails with the command's output when it did not exit 0. */
export function expectSucceeded(check: CommandResult): void {
  expect({
    command: check.command,
    status: check.status,
    output: check.status === 0 ? '' : check.output,
  }).toEqual({ command: check.command, status: 0, output: '' });
}
