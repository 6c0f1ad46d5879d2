import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import type { SandboxLandscape } from './landscape';

/**
 * The Backstage config of a sandbox in `dir`: the seeded landscape (`aws`
 * and `internalApi`, so no id is ever copied by hand) and the local git
 * publisher, whose repositories live in `dir/git`.
 */
export function sandboxConfig(landscape: SandboxLandscape, dir: string) {
  return {
    ...landscape.config,
    localGitPublisher: { directory: path.resolve(dir, 'git') },
  };
}

/** Writes {@link sandboxConfig} to `dir/app-config.sandbox.yaml` and returns its path. */
export function writeSandboxConfig(
  landscape: SandboxLandscape,
  dir: string,
): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'app-config.sandbox.yaml');
  const header =
    '# Written by the sandbox at start from the seeded emulator; do not edit (it is rewritten).\n';
  fs.writeFileSync(
    file,
    header + yaml.stringify(sandboxConfig(landscape, dir)),
  );
  return file;
}
