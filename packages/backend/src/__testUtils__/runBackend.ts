import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * Runs src/index.ts as `npm start` does (TypeScript through the CLI's node
 * transform) with the given config files, and returns once it exits: for
 * checks that must stop the backend at startup.
 */
export function runBackendUntilExit(
  configFiles: string[],
  env: NodeJS.ProcessEnv = process.env,
) {
  return spawnSync(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli-node/config/nodeTransform.cjs'),
      'src/index.ts',
      ...configFiles.flatMap(file => ['--config', file]),
    ],
    {
      cwd: path.resolve(__dirname, '../..'),
      env,
      encoding: 'utf8',
      timeout: 90_000,
    },
  );
}
