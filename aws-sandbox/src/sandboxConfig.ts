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

/** The line `npm run sandbox:aws` prints once it is up; scripts wait for it. */
export const SANDBOX_AWS_READY = 'Sandbox AWS ready:';

/**
 * `npm start` serves the app and the backend on loopback only: the sandbox
 * lets anyone sign in as one of its people and publishes to local disk, so nothing else on
 * the network may reach it. (Backstage otherwise listens on every interface.)
 */
export const SANDBOX_LISTEN = {
  app: { listen: { host: '127.0.0.1' } },
  backend: { listen: { host: '127.0.0.1' } },
};

/**
 * The backend logs every HTTP request it answers at `info` (backend-defaults'
 * request logging, entries of `type: incomingRequest`): in `npm start` they
 * were about 950 of 1,350 lines. The sandbox logs them from `warn` up only,
 * i.e. not at all, with a level override for that type; failed requests are
 * still logged by the error handler, and every other entry keeps its level.
 */
export const SANDBOX_BACKEND_LOGGER = {
  overrides: [{ matchers: { type: 'incomingRequest' }, level: 'warn' }],
};

/**
 * Writes what `npm start` runs on beside app-config.yaml and
 * app-config.sandbox-people.yaml: {@link sandboxConfig} bound to loopback
 * ({@link SANDBOX_LISTEN}), without the request log
 * ({@link SANDBOX_BACKEND_LOGGER}), as `dir/app-config.sandbox.yaml`.
 * Returns its path.
 */
export function writeSandboxConfig(landscape: Landscape, dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'app-config.sandbox.yaml');
  const header =
    '# Written by the sandbox at start from the seeded emulator; do not edit (it is rewritten).\n';
  fs.writeFileSync(
    file,
    header +
      yaml.stringify({
        ...sandboxConfig(landscape, dir),
        app: SANDBOX_LISTEN.app,
        backend: { ...SANDBOX_LISTEN.backend, logger: SANDBOX_BACKEND_LOGGER },
      }),
  );
  return file;
}
