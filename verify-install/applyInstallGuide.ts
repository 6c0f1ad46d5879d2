/**
 * docs/install.md applied to an app, section by section, with the guide's own
 * blocks (installGuide.ts): what a platform team does by hand.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Toolchain, yarn } from './freshApp';
import {
  appendCatalogLocations,
  InstallStep,
  insertAfter,
  insertBefore,
  installStep,
  mergeIntoPackageJson,
  removeCode,
} from './installGuide';
import { PackedPackage, repoRoot } from './packPackages';

type Steps = Map<string, InstallStep>;

const backendIndex = (app: string) =>
  path.join(app, 'packages/backend/src/index.ts');

/** Swaps one feature line of the backend's index.ts for the guide's, added before `backend.start()`. */
function replaceBackendFeature(
  app: string,
  steps: Steps,
  removeStep: string,
  addStep: string,
) {
  removeCode(backendIndex(app), installStep(steps, removeStep));
  insertBefore(
    backendIndex(app),
    'backend.start()',
    installStep(steps, addStep),
  );
}

/** Writes a config block to a file of its own, and adds its catalog locations to app-config.yaml's list. */
function addConfig(
  app: string,
  steps: Steps,
  file: string,
  configStep: string,
  locationsStep: string,
) {
  fs.writeFileSync(path.join(app, file), installStep(steps, configStep).code);
  appendCatalogLocations(
    path.join(app, 'app-config.yaml'),
    installStep(steps, locationsStep),
  );
}

/** Merges the guide's package.json blocks, each into the manifest (relative to the app) it names. */
function mergeManifests(app: string, steps: Steps, blocks: [string, string][]) {
  for (const [manifest, step] of blocks) {
    mergeIntoPackageJson(path.join(app, manifest), installStep(steps, step));
  }
}

/** A shell step, run in the app with this repository as $INTERNAL_API_REPO. */
function runShellStep(app: string, step: InstallStep) {
  execFileSync('bash', ['-euo', 'pipefail', '-c', step.code], {
    cwd: app,
    env: { ...process.env, INTERNAL_API_REPO: repoRoot },
    stdio: 'inherit',
  });
}

/** §1–2: the tarballs in vendor/internal-api, the package.json entries, yarn install. */
export function installPackages(
  app: string,
  toolchain: Toolchain,
  packed: PackedPackage[],
  steps: Steps,
) {
  const vendor = path.join(app, 'vendor/internal-api');
  fs.mkdirSync(vendor, { recursive: true });
  for (const { tarball } of packed) {
    fs.copyFileSync(tarball, path.join(vendor, path.basename(tarball)));
  }
  mergeManifests(app, steps, [
    ['package.json', 'root-package-json'],
    ['packages/backend/package.json', 'backend-package-json'],
    ['packages/app/package.json', 'app-package-json'],
  ]);
  yarn(app, toolchain, ['install']);
}

/** §3–4: the backend features and the app's features. */
export function wireBackendAndApp(app: string, steps: Steps) {
  replaceBackendFeature(app, steps, 'backend-remove', 'backend-add');
  const appFile = path.join(app, 'packages/app/src/App.tsx');
  const imports = fs
    .readFileSync(appFile, 'utf8')
    .split('\n')
    .filter(line => line.startsWith('import '));
  insertAfter(
    appFile,
    imports[imports.length - 1],
    installStep(steps, 'app-import'),
  );
  insertAfter(appFile, 'features: [', installStep(steps, 'app-features'));
}

/** §5–6: the template copied in, the config in a file of its own. */
export function addTemplateAndConfig(app: string, steps: Steps) {
  runShellStep(app, installStep(steps, 'copy-template'));
  addConfig(
    app,
    steps,
    'app-config.internal-api.yaml',
    'app-config',
    'catalog-locations',
  );
}

/** §8: the local Git host in place of GitHub's publisher, and Sam's sign-in. */
export function addSandboxPieces(
  app: string,
  toolchain: Toolchain,
  steps: Steps,
) {
  mergeManifests(app, steps, [
    ['package.json', 'sandbox-root-package-json'],
    ['packages/backend/package.json', 'sandbox-backend-package-json'],
  ]);
  yarn(app, toolchain, ['install']);
  replaceBackendFeature(
    app,
    steps,
    'sandbox-backend-remove',
    'sandbox-backend-add',
  );
  runShellStep(app, installStep(steps, 'copy-sandbox-people'));
  addConfig(
    app,
    steps,
    'app-config.sandbox.local.yaml',
    'sandbox-config',
    'sandbox-catalog-locations',
  );
}
