/**
 * `npm run pack:packages`: builds the packages a platform team installs into
 * its own Backstage app and packs each into a tarball in dist-packages/, as
 * `npm publish` would ship it (`dist`, types, `config.d.ts`, README; the
 * Backstage CLI's prepack points `main` and `types` at `dist`). docs/install.md
 * starts here.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..');

/** What a platform team installs, in dependency order. The local git publisher is for a trial on the sandbox only. */
export const PUBLISHED_PACKAGES = [
  'plugins/internal-api-common',
  'plugins/internal-api-node',
  'plugins/scaffolder-internal-api',
  'plugins/internal-api-backend',
  'plugins/scaffolder-frontend-module-internal-api',
  'plugins/scaffolder-backend-module-local-git',
] as const;

export interface PackedPackage {
  name: string;
  version: string;
  /** Absolute path of the tarball. */
  tarball: string;
}

const run = (command: string, args: string[], cwd: string) =>
  execFileSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] });

/**
 * The names `src/index.ts` exports that the built type bundle lacks. tsc's
 * stripInternal drops any declaration whose doc comment contains the text
 * "@internal" (our packages' scope!): the scaffolder module's published types
 * once lost their default export to a comment naming a sibling package.
 */
export function exportsMissingFromTypes(packageDir: string): string[] {
  const source = fs.readFileSync(path.join(packageDir, 'src/index.ts'), 'utf8');
  const types = fs.readFileSync(
    path.join(packageDir, 'dist/index.d.ts'),
    'utf8',
  );
  const exported = [...source.matchAll(/export (?:type )?\{([^}]*)\}/g)]
    .flatMap(([, names]) => names.split(','))
    .map(
      name =>
        name
          .trim()
          .split(/\s+as\s+/)
          .pop()!,
    )
    .filter(Boolean);
  const declared = (name: string) =>
    name === 'default'
      ? /\bas default\b|export default\b/.test(types)
      : new RegExp(`\\b${name}\\b`).test(types);
  return exported.filter(name => !declared(name));
}

/** Builds and packs every published package into `outDir` (emptied first). */
export function packPackages(
  outDir = path.join(repoRoot, 'dist-packages'),
): PackedPackage[] {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  // The packages' type bundles are built from the declarations tsc writes to dist-types/.
  run('npx', ['tsc', '-p', '.'], repoRoot);
  return PUBLISHED_PACKAGES.map(dir => {
    const packageDir = path.join(repoRoot, dir);
    run('npx', ['backstage-cli', 'package', 'build'], packageDir);
    const missing = exportsMissingFromTypes(packageDir);
    if (missing.length > 0) {
      throw new Error(
        `${dir}: dist/index.d.ts lacks ${missing.join(
          ', ',
        )}, which src/index.ts exports (a doc comment containing "@internal"?)`,
      );
    }
    const [packed] = JSON.parse(
      run(
        'npm',
        ['pack', '--json', '--pack-destination', outDir],
        packageDir,
      ).toString(),
    ) as { name: string; version: string; filename: string }[];
    return {
      name: packed.name,
      version: packed.version,
      tarball: path.join(outDir, packed.filename),
    };
  });
}

if (require.main === module) {
  for (const packed of packPackages()) {
    console.log(
      `${packed.name}@${packed.version}: ${path.relative(
        repoRoot,
        packed.tarball,
      )}`,
    );
  }
}
