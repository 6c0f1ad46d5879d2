import fs from 'node:fs';
import path from 'node:path';
import {
  BackendApi,
  findFreeLoopbackPort,
  guestIsCatalogUser,
  landscapeState,
  MotoServer,
  RecordingProxy,
  SANDBOX_REGION,
  SandboxLandscape,
  sandboxConfig,
  seedLandscape,
  startMotoServer,
  startRecordingProxy,
  waitForEntity,
} from '@internal/aws-sandbox';
import { artifactsDir, RunningBackend, startBackend } from './backstageProcess';
import { signInAsGuest } from './scaffolderApi';

export interface SandboxBackend {
  moto: MotoServer;
  /** Every AWS call the backend made, through the proxy it is pointed at. */
  proxy: RecordingProxy;
  landscape: SandboxLandscape;
  backend: RunningBackend;
  /** The REST APIs as the signed-in guest (the sandbox's user, a member of its team). */
  api: BackendApi;
  /** Where the local git publisher writes repositories. */
  gitDirectory: string;
  /** What the actions may change, read from the emulator directly (not counted by the proxy). */
  state(): ReturnType<typeof landscapeState>;
  stop(): Promise<void>;
}

/**
 * The backend as `npm start` runs it: moto seeded with the landscape, the
 * config derived from it, the local git publisher; plus a recording proxy
 * between the backend and moto. Its files live in .artifacts/e2e/<name>/.
 * Resolves once the catalog holds the template and the guest's user, so tasks
 * can be created and the guest owns what its team owns.
 */
export async function startSandboxBackend(
  name: string,
): Promise<SandboxBackend> {
  const dir = path.join(artifactsDir, name, 'sandbox');
  fs.rmSync(dir, { recursive: true, force: true });
  const moto = await startMotoServer();
  const proxy = await startRecordingProxy(moto.endpoint);
  let backend: RunningBackend | undefined;
  try {
    const landscape = await seedLandscape(moto);
    const config = sandboxConfig(landscape, dir);
    backend = await startBackend(await findFreeLoopbackPort(), config, {
      AWS_ENDPOINT_URL: proxy.endpoint,
      AWS_REGION: SANDBOX_REGION,
    });
    await waitForEntity(
      await signInAsGuest(backend.baseUrl),
      'template',
      'internal-fargate-api',
    );
    // As `npm start` before it says ready: a guest signed in before the catalog has read the
    // sandbox's people would own nothing (neither in the browser nor through `api`).
    const deadline = Date.now() + 90_000;
    while (!(await guestIsCatalogUser(backend.baseUrl))) {
      if (Date.now() > deadline) {
        throw new Error(
          "The guest's user (app-config.guest.yaml) is not in the catalog after 90 s: is org/sandbox.yaml loaded?",
        );
      }
      await new Promise(resolve => setTimeout(resolve, 250));
    }
    const api = await signInAsGuest(backend.baseUrl);
    return {
      moto,
      proxy,
      landscape,
      backend,
      api,
      gitDirectory: config.localGitPublisher.directory,
      state: () => landscapeState(moto, landscape),
      async stop() {
        await backend!.stop();
        await proxy.stop();
        await moto.stop();
      },
    };
  } catch (error) {
    await backend?.stop();
    await proxy.stop();
    await moto.stop();
    throw error;
  }
}
