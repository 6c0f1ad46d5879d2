import { startSandbox } from '@internal/aws-sandbox';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yaml from 'yaml';
import {
  CommandResult,
  expectSucceeded,
  rendersDir,
  standaloneRepo,
  writeRender,
} from './generatedRepo';
import { ORDERS_API } from './ordersApi';
import { readSkeletonPackageFiles } from './skeletonLockfile';
import { repoRoot } from './templateFiles';
import { startScaffolder } from './__testUtils__/scaffolder';

/**
 * One render built the way its own CI builds it: in a folder outside this
 * repository, so nothing resolves this repository's node_modules; installed
 * with `npm ci` from the lockfile the skeleton ships, then its own `npm test`
 * and `cdk synth`. (The render tests build inside this repository instead, to
 * skip an install per case.)
 */
describe('a generated repository builds on its own', () => {
  const values = ORDERS_API;
  let workDir: string;
  let dir: string;

  beforeAll(async () => {
    const sandbox = await startSandbox();
    try {
      const scaffolder = await startScaffolder(sandbox.landscape.config);
      try {
        const { status, body } = await scaffolder.dryRun(values);
        if (status !== 200) {
          throw new Error(
            `dry-run answered ${status}: ${JSON.stringify(
              body.error ?? body.errors,
            )}`,
          );
        }
        workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'standalone-repo-'));
        dir = writeRender(values.name, body.directoryContents!, workDir);
      } finally {
        await scaffolder.stop();
      }
    } finally {
      await sandbox.stop();
    }
  }, 120_000);

  afterAll(() => {
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  const readRendered = (file: string) =>
    fs.readFileSync(path.join(dir, file), 'utf8');

  it("ships the skeleton's lockfile, named as its package", () => {
    const manifest = JSON.parse(readRendered('package.json'));
    expect(manifest.name).toBe(values.name);
    expect(JSON.parse(readRendered('package-lock.json'))).toEqual(
      readSkeletonPackageFiles({
        name: values.name,
        description: values.description,
      }).lockfile,
    );
  });

  it('says which OIDC subject the deploy role must trust, and what it may assume', () => {
    const deployJob = yaml.parse(readRendered('.github/workflows/deploy.yml'))
      .jobs.deploy;
    const readme = readRendered('README.md');
    const { accountId: account, region } = values;

    expect(deployJob.environment).toBe('production');
    // ORDERS_API's repoUrl is github.com?owner=acme&repo=orders-api.
    expect(readme).toContain('`repo:acme/orders-api:environment:production`');
    expect(readme).toContain(
      '"token.actions.githubusercontent.com:sub": "repo:acme/orders-api:environment:production"',
    );
    expect(readme).toContain('`sts.amazonaws.com`');
    expect(readme).toContain(`aws://${account}/${region}`);
    for (const role of [
      'deploy-role',
      'file-publishing-role',
      'image-publishing-role',
      'lookup-role',
    ]) {
      expect(readme).toContain(`cdk-hnb659fds-${role}-${account}-${region}`);
    }
    expect(readme).not.toMatch(/\$\{\{|\{%/);
  });

  it(
    'installs from its lockfile, passes its tests and synthesizes, outside this repository',
    () => {
      const checks: CommandResult[] = [];
      for (const step of [
        standaloneRepo.install,
        standaloneRepo.test,
        standaloneRepo.synth,
      ]) {
        const check = step(dir);
        checks.push(check);
        // The tail says why; a whole npm or jest log does not fit a failure message.
        expectSucceeded({ ...check, output: check.output.slice(-6000) });
      }
      // Outside this repository: Node found its own node_modules, none of ours.
      expect(path.relative(repoRoot, dir)).toMatch(/^\.\./);
      expect(
        fs.existsSync(
          path.join(dir, 'node_modules', 'aws-cdk-lib', 'package.json'),
        ),
      ).toBe(true);
      expect(
        fs.existsSync(
          path.join(dir, 'cdk.out', `${values.name}.template.json`),
        ),
      ).toBe(true);

      fs.mkdirSync(rendersDir, { recursive: true });
      fs.writeFileSync(
        path.join(rendersDir, `standalone-${values.name}.timings.json`),
        JSON.stringify(
          checks.map(({ command, seconds }) => ({ command, seconds })),
        ),
      );
    },
    15 * 60_000,
  );
});
