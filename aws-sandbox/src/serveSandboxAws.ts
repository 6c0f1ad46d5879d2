/**
 * `npm run sandbox:aws -- --dir <folder>`: the sandbox's AWS side alone, for
 * trying the packages in another Backstage app (docs/install.md, "Try it on
 * the sandbox"): moto seeded with the landscape, behind the proxy that gives
 * AWS's answers where moto's differ. Writes `<folder>/app-config.sandbox.yaml`
 * (the `aws`, `internalApi` and `localGitPublisher` config for that app) and
 * `<folder>/landscape.json` (the seeded resources, for checks), prints the
 * environment the app's backend needs, and runs until stopped.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SANDBOX_REGION } from './landscape';
import { startMotoServer } from './motoServer';
import { startRecordingProxy } from './recordingProxy';
import { SANDBOX_AWS_READY, writeSandboxConfig } from './sandboxConfig';
import { seedLandscape } from './seedLandscape';

function folderArgument(argv: string[]): string {
  const index = argv.indexOf('--dir');
  const dir = index >= 0 ? argv[index + 1] : undefined;
  if (!dir) {
    throw new Error(
      'Say where to write the sandbox config: npm run sandbox:aws -- --dir <folder>, e.g. --dir ../my-backstage/.internal-api-sandbox',
    );
  }
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), dir);
}

async function main() {
  const dir = folderArgument(process.argv.slice(2));
  fs.rmSync(dir, { recursive: true, force: true });
  const moto = await startMotoServer();
  const landscape = await seedLandscape(moto);
  const proxy = await startRecordingProxy(moto.endpoint, { record: false });
  const config = writeSandboxConfig(landscape, dir);
  fs.writeFileSync(
    path.join(dir, 'landscape.json'),
    JSON.stringify({ motoEndpoint: moto.endpoint, landscape }, null, 2),
  );
  console.log(
    `${SANDBOX_AWS_READY} AWS_ENDPOINT_URL=${proxy.endpoint} AWS_REGION=${SANDBOX_REGION} (config: ${config})`,
  );
  const stop = async () => {
    await proxy.stop();
    await moto.stop();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, stop);
  }
}

main().catch(error => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
