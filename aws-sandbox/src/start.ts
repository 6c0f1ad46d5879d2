/**
 * `npm start`: the app on embedded defaults, plus an AWS sandbox. Starts the
 * moto emulator, seeds the multi-account landscape, derives the Backstage
 * config from it, and runs `backstage-cli repo start` on app-config.yaml,
 * guest sign-in (app-config.guest.yaml) and that config, on loopback only.
 * Everything it writes lives in .sandbox/ (git-ignored) and is reset each start.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SANDBOX_REGION } from './landscape';
import { seedLandscape } from './seedLandscape';
import { startMotoServer } from './motoServer';
import { startRecordingProxy } from './recordingProxy';
import { writeSandboxConfig } from './sandboxConfig';

const repoRoot = path.resolve(
  path.dirname(require.resolve('@internal/aws-sandbox/package.json')),
  '..',
);
const sandboxDir = path.join(repoRoot, '.sandbox');

async function main() {
  fs.rmSync(sandboxDir, { recursive: true, force: true });
  const moto = await startMotoServer();
  const landscape = await seedLandscape(moto);
  // AWS's answers where moto's differ (dry runs, cross-account route targets): see emulatorGaps.ts.
  const proxy = await startRecordingProxy(moto.endpoint, {
    record: false,
  });
  const sandboxConfig = writeSandboxConfig(landscape, sandboxDir);
  console.log(
    `AWS sandbox: moto at ${moto.endpoint}, landscape config in ${path.relative(
      repoRoot,
      sandboxConfig,
    )}; published repositories go to ${path.relative(
      repoRoot,
      path.join(sandboxDir, 'git'),
    )} (git clone them from there)`,
  );

  // Its own process group, so stopping the sandbox stops the app server, the backend and their workers.
  const backstage = spawn(
    process.execPath,
    [
      require.resolve('@backstage/cli/bin/backstage-cli'),
      'repo',
      'start',
      '--config',
      path.join(repoRoot, 'app-config.yaml'),
      '--config',
      path.join(repoRoot, 'app-config.guest.yaml'),
      '--config',
      sandboxConfig,
    ],
    {
      cwd: repoRoot,
      stdio: 'inherit',
      detached: true,
      env: {
        ...process.env,
        AWS_ENDPOINT_URL: proxy.endpoint,
        AWS_REGION: SANDBOX_REGION,
      },
    },
  );
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => process.kill(-backstage.pid!, signal));
  }
  backstage.on('exit', async code => {
    await proxy.stop();
    await moto.stop();
    process.exit(code ?? 0);
  });
}

main().catch(error => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
