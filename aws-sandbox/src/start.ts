/**
 * `npm start`: the app on embedded defaults, plus an AWS sandbox. Starts the
 * moto emulator, seeds the multi-account landscape, derives the Backstage
 * config from it, and runs `backstage-cli repo start` on app-config.yaml,
 * sandbox sign-in (app-config.sandbox-people.yaml) and that config, on loopback only.
 * Everything it writes lives in .sandbox/ (git-ignored) and is reset each start.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { readAppUrls, waitUntilAppReady } from './appReadiness';
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
  const configFiles = [
    path.join(repoRoot, 'app-config.yaml'),
    path.join(repoRoot, 'app-config.sandbox-people.yaml'),
    sandboxConfig,
  ];
  const relative = (file: string) => path.relative(repoRoot, file);
  const sandboxSummary = [
    `moto at ${moto.endpoint}`,
    `landscape config in ${relative(sandboxConfig)}`,
    `published repositories in ${relative(path.join(sandboxDir, 'git'))}`,
  ].join(', ');
  console.log(`Starting Backstage on the AWS sandbox (${sandboxSummary})`);

  // Its own process group, so stopping the sandbox stops the app server, the backend and their workers.
  const backstage = spawn(
    process.execPath,
    [
      require.resolve('@backstage/cli/bin/backstage-cli'),
      'repo',
      'start',
      ...configFiles.flatMap(file => ['--config', file]),
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
  const stopWaiting = new AbortController();
  const urls = readAppUrls(configFiles);
  waitUntilAppReady(urls, stopWaiting.signal).then(
    () =>
      console.log(
        `\nBackstage is ready at ${urls.app} (sandbox: ${sandboxSummary})\n`,
      ),
    () => {},
  );
  backstage.on('exit', async code => {
    stopWaiting.abort();
    await proxy.stop();
    await moto.stop();
    process.exit(code ?? 0);
  });
}

main().catch(error => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
