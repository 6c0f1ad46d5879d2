/**
 * `npm run verify:install`: proves docs/install.md on a fresh app. Packs the
 * packages, creates an app with @backstage/create-app on backstage.json's
 * release, installs and wires the packages and the template exactly as the
 * guide's marked blocks say, type-checks and builds the app, starts its
 * backend on the sandbox landscape and runs one real task through the HTTP
 * API. Prints each step's time (a Markdown table for docs/benchmarks.md).
 * Not part of `npm test`: it installs a whole app (~10 minutes, needs the
 * npm registry). `--keep` leaves the work folder for a look (a failed run
 * always does).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  addSandboxPieces,
  addTemplateAndConfig,
  installPackages,
  wireBackendAndApp,
} from './applyInstallGuide';
import { runFirstTask } from './firstTask';
import {
  CREATE_APP_VERSION,
  createFreshApp,
  prepareToolchain,
  Toolchain,
  yarn,
} from './freshApp';
import { readInstallGuide } from './installGuide';
import { PackedPackage, packPackages } from './packPackages';

const timings: { step: string; seconds: number }[] = [];

async function timed<T>(step: string, fn: () => T | Promise<T>): Promise<T> {
  console.log(`▶ ${step}`);
  const started = Date.now();
  const result = await fn();
  const seconds = (Date.now() - started) / 1000;
  timings.push({ step, seconds });
  console.log(`✓ ${step} (${seconds.toFixed(1)} s)`);
  return result;
}

async function main(argv: string[]) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-install-'));
  const logs = path.join(work, 'logs');
  fs.mkdirSync(logs);
  console.log(`Work folder: ${work}`);
  const started = Date.now();
  try {
    const steps = readInstallGuide();
    const packed: PackedPackage[] = await timed(
      'Build and pack the packages (npm run pack:packages)',
      () => packPackages(path.join(work, 'dist-packages')),
    );
    const toolchain: Toolchain = await timed(
      `Node 22, Yarn and @backstage/create-app@${CREATE_APP_VERSION}`,
      () => prepareToolchain(work),
    );
    const app = await timed(
      'Create the app and install it on the release set (create-app, yarn install)',
      () => createFreshApp(work, toolchain),
    );
    await timed('§1–2 Add the packages (yarn install)', () =>
      installPackages(app, toolchain, packed, steps),
    );
    await timed('§3–6 Wire backend and app, copy the template, config', () => {
      wireBackendAndApp(app, steps);
      addTemplateAndConfig(app, steps);
    });
    await timed('§8 Sandbox pieces: local Git host, Sam (yarn install)', () =>
      addSandboxPieces(app, toolchain, steps),
    );
    await timed('Type-check the app (yarn tsc)', () =>
      yarn(app, toolchain, ['tsc']),
    );
    await timed('Build the app (yarn workspace app build)', () =>
      yarn(app, toolchain, ['workspace', 'app', 'build']),
    );
    const first = await timed(
      '§8 Start the sandbox and the backend, run one task over HTTP',
      () => runFirstTask(app, toolchain, steps, logs),
    );
    const total = (Date.now() - started) / 1000;
    console.log(
      [
        '',
        `Backend ready (Sam signed in, template in the catalog) ${first.backendReadySeconds.toFixed(
          1,
        )} s after start; the task (${
          first.task.id
        }) completed in ${first.taskSeconds.toFixed(1)} s.`,
        `It added: ${JSON.stringify(first.added)}`,
        '',
        '| step | time |',
        '| --- | ---: |',
        ...timings.map(
          ({ step, seconds }) => `| ${step} | ${seconds.toFixed(1)} s |`,
        ),
        `| **total** | **${total.toFixed(1)} s** |`,
      ].join('\n'),
    );
  } catch (error) {
    console.error(`\nverify:install failed; the app and logs are in ${work}\n`);
    throw error;
  }
  if (!argv.includes('--keep')) {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).catch(error => {
  console.error(error);
  process.exitCode = 1;
});
