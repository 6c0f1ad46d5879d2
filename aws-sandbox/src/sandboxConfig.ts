import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import type { Landscape } from './landscape';

/**
 * The Backstage config of a sandbox in `dir`: the seeded landscape (`aws`
 * and `internalApi`, so no id is ever copied by hand) and the local git
 * publisher, whose repositories live in `dir/git`.
 */
export function sandboxConfig(landscape: Landscape, dir: string) {
  return {
    ...landscape.config,
    localGitPublisher: { directory: path.resolve(dir, 'git') },
  };
}

/**
 * `npm start` serves the app and the backend on loopback only: the sandbox
 * signs everyone in as a guest and publishes to local disk, so nothing else on
 * the network may reach it. (Backstage otherwise listens on every interface.)
 */
export const SANDBOX_LISTEN = {
  app: { listen: { host: '127.0.0.1' } },
  backend: { listen: { host: '127.0.0.1' } },
};

/**
 * Writes what `npm start` runs on beside app-config.yaml and
 * app-config.guest.yaml: {@link sandboxConfig} bound to loopback
 * ({@link SANDBOX_LISTEN}), as `dir/app-config.sandbox.yaml`. Returns its path.
 */
export function writeSandboxConfig(landscape: Landscape, dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'app-config.sandbox.yaml');
  const header =
    '# Written by the sandbox at start from the seeded emulator; do not edit (it is rewritten).\n';
  fs.writeFileSync(
    file,
    header +
      yaml.stringify({ ...sandboxConfig(landscape, dir), ...SANDBOX_LISTEN }),
  );
  return file;
}
