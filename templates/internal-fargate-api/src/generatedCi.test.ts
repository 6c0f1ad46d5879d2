import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import {
  LOCKFILE_NAME_EXPRESSION,
  PLACEHOLDER_SERVICE,
  readSkeletonPackageFiles,
  skeletonDir,
} from './skeletonLockfile';

interface WorkflowJob {
  if?: string;
  environment?: string | { name: string };
  permissions?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress'?: boolean };
  steps: { uses?: string; run?: string; with?: Record<string, unknown> }[];
}

const workflow = yaml.parse(
  fs.readFileSync(
    path.join(skeletonDir, '.github', 'workflows', 'deploy.yml'),
    'utf8',
  ),
) as {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, WorkflowJob>;
};

/** A job's token permissions: its own block replaces the workflow's. */
const permissionsOf = (job: WorkflowJob) =>
  job.permissions ?? workflow.permissions ?? {};

describe("the generated repository's CI", () => {
  const { manifest, lockfile } = readSkeletonPackageFiles();
  const pins = { ...manifest.dependencies, ...manifest.devDependencies };

  it('pins every dependency to one version', () => {
    const ranges = Object.entries(pins).filter(
      ([, version]) => !/^\d+\.\d+\.\d+$/.test(version),
    );
    expect(ranges).toEqual([]);
  });

  it("has a lockfile with exactly the package.json's pins", () => {
    expect(lockfile).toMatchObject({
      name: PLACEHOLDER_SERVICE.name,
      version: manifest.version,
      lockfileVersion: 3,
    });
    const root = lockfile.packages[''];
    expect({
      name: root.name,
      version: root.version,
      dependencies: root.dependencies,
      devDependencies: root.devDependencies,
    }).toEqual({
      name: manifest.name,
      version: manifest.version,
      dependencies: manifest.dependencies,
      devDependencies: manifest.devDependencies,
    });
    const installed = Object.fromEntries(
      Object.keys(pins).map(name => [
        name,
        lockfile.packages[`node_modules/${name}`]?.version,
      ]),
    );
    expect(installed).toEqual(pins);
  });

  it('has a lockfile nunjucks renders as it is, but for the package name', () => {
    const text = fs.readFileSync(
      path.join(skeletonDir, 'package-lock.json'),
      'utf8',
    );
    // Any other `{{`, `{%` or `{#` would be evaluated by fetch:template.
    const templateSyntax = text
      .split('\n')
      .filter(line => /\{\{|\{%|\{#/.test(line))
      .map(line => line.trim());
    expect(templateSyntax).toEqual([
      `"name": ${LOCKFILE_NAME_EXPRESSION},`,
      `"name": ${LOCKFILE_NAME_EXPRESSION},`,
    ]);
  });

  it('installs with npm ci from the lockfile, cached by setup-node, in every job', () => {
    for (const [id, job] of Object.entries(workflow.jobs)) {
      const runs = job.steps.map(step => step.run);
      const setupNode = job.steps.find(step =>
        step.uses?.startsWith('actions/setup-node@'),
      );
      expect({
        id,
        installs: runs.includes('npm ci'),
        cache: setupNode?.with?.cache,
      }).toEqual({ id, installs: true, cache: 'npm' });
      expect(runs.indexOf('npm ci')).toBeLessThan(
        runs.findIndex(run => /^(npm test|npx cdk )/.test(run ?? '')),
      );
    }
    expect(fs.existsSync(path.join(skeletonDir, 'package-lock.json'))).toBe(
      true,
    );
  });

  it('gives the pull-request job read access only, and an OIDC token to the deploy job alone', () => {
    expect(Object.keys(workflow.on)).toEqual(['push', 'pull_request']);
    expect(workflow.permissions).toEqual({ contents: 'read' });

    const { test, deploy } = workflow.jobs;
    expect(test.if).toBeUndefined();
    expect(permissionsOf(test)).toEqual({ contents: 'read' });

    expect(deploy.if).toBe("github.ref == 'refs/heads/main'");
    expect(permissionsOf(deploy)).toEqual({
      contents: 'read',
      'id-token': 'write',
    });
    const withToken = Object.entries(workflow.jobs)
      .filter(([, job]) => permissionsOf(job)['id-token'] === 'write')
      .map(([id]) => id);
    expect(withToken).toEqual(['deploy']);
  });

  it('deploys one run at a time per environment, never cancelling one', () => {
    const { deploy } = workflow.jobs;
    expect(deploy.environment).toBe('production');
    expect(deploy.concurrency).toEqual({
      group: 'deploy-production',
      'cancel-in-progress': false,
    });
  });
});
