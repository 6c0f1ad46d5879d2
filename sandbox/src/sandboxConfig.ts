import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import type { SandboxLandscape } from './landscape';

/**
 * Writes the Backstage config that describes a seeded landscape (`aws` and
 * `internalApi`), so no id is ever copied by hand. Returns the file's path.
 */
export function writeSandboxConfig(
  landscape: SandboxLandscape,
  dir: string,
): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'app-config.sandbox.yaml');
  const header =
    '# Written by the sandbox at start from the seeded emulator; do not edit (it is rewritten).\n';
  fs.writeFileSync(file, header + yaml.stringify(landscape.config));
  return file;
}
