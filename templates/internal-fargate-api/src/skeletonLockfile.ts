import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generatedRepoEnv } from './generatedRepo';
import { templateDir } from './templateFiles';

export const skeletonDir = path.join(templateDir, 'skeleton');

/**
 * The lockfile is a template for the package name only (twice), so that the
 * generated repo's `npm install` leaves it unchanged; everything else in it is
 * data nunjucks must not touch.
 */
export const LOCKFILE_NAME_EXPRESSION =
  '${{ values.serviceConfig.name | dump }}';

export interface ServiceValues {
  name: string;
  description: string;
}

/** Stands in for the form's values when the skeleton's package files are read without a render. */
export const PLACEHOLDER_SERVICE: ServiceValues = {
  name: 'skeleton-placeholder',
  description: 'Stands in for the rendered service',
};

export interface PackageManifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

export interface Lockfile {
  name: string;
  version: string;
  lockfileVersion: number;
  packages: Record<
    string,
    {
      name?: string;
      version?: string;
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    }
  >;
}

/** Fills the `${{ values.serviceConfig.<key> | dump }}` expressions of the skeleton's package files, as the render does. */
export function fillServiceValues(text: string, values: ServiceValues): string {
  return text.replace(
    /\$\{\{\s*values\.serviceConfig\.(\w+)\s*\|\s*dump\s*\}\}/g,
    (expression, key: string) => {
      if (key !== 'name' && key !== 'description') {
        throw new Error(`Unexpected expression ${expression}`);
      }
      return JSON.stringify(values[key]);
    },
  );
}

function readSkeletonFile(file: string): string {
  return fs.readFileSync(path.join(skeletonDir, file), 'utf8');
}

/** The skeleton's package.json and package-lock.json as a render with `values` would write them. */
export function readSkeletonPackageFiles(values = PLACEHOLDER_SERVICE): {
  manifest: PackageManifest;
  lockfile: Lockfile;
} {
  return {
    manifest: JSON.parse(
      fillServiceValues(readSkeletonFile('package.json'), values),
    ),
    lockfile: JSON.parse(
      fillServiceValues(readSkeletonFile('package-lock.json'), values),
    ),
  };
}

/**
 * Writes skeleton/package-lock.json from skeleton/package.json: resolved in a
 * temporary folder with `--prefer-offline`, so the versions already in the npm
 * cache (this repository's install) win and the generated repo's `npm ci`
 * installs from that cache.
 */
export function updateSkeletonLockfile(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skeleton-lockfile-'));
  try {
    fs.writeFileSync(
      path.join(dir, 'package.json'),
      fillServiceValues(readSkeletonFile('package.json'), PLACEHOLDER_SERVICE),
    );
    const result = spawnSync(
      'npm',
      [
        'install',
        '--package-lock-only',
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
      ],
      { cwd: dir, stdio: 'inherit', env: generatedRepoEnv() },
    );
    if (result.status !== 0) {
      throw new Error(
        `npm install --package-lock-only exited ${result.status}`,
      );
    }
    const resolved = fs.readFileSync(
      path.join(dir, 'package-lock.json'),
      'utf8',
    );
    const nameLine = `"name": ${JSON.stringify(PLACEHOLDER_SERVICE.name)}`;
    const parts = resolved.split(nameLine);
    if (parts.length !== 3) {
      throw new Error(
        `Expected the package name twice in the lockfile, found it ${
          parts.length - 1
        } times`,
      );
    }
    fs.writeFileSync(
      path.join(skeletonDir, 'package-lock.json'),
      parts.join(`"name": ${LOCKFILE_NAME_EXPRESSION}`),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
