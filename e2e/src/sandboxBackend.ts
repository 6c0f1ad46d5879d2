import fs from 'node:fs';
import path from 'node:path';
import {
  AwsLatencyOptions,
  BackendApi,
  findFreeLoopbackPort,
  landscapeState,
  MotoServer,
  RecordingProxy,
  SANDBOX_REGION,
  SandboxLandscape,
  sandboxConfig,
  startSandbox,
  waitForEntity,
} from '@internal/aws-sandbox';
import { artifactsDir, RunningBackend, startBackend } from './backstageProcess';
import { signInAs } from './scaffolderApi';

export interface SandboxBackend {
  moto: MotoServer;
  /** Every AWS call the backend made, through the proxy it is pointed at. */
  proxy: RecordingProxy;
  landscape: SandboxLandscape;
  backend: RunningBackend;
  /** The REST APIs as Sam, of the Orders team (see `signInAs` for the sandbox's other people). */
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
 * Resolves once the catalog holds the template and the sandbox's people, so
 * tasks can be created and a person signed in owns what their team owns.
 */
export async function startSandboxBackend(
  name: string,
  options: {
    /** The proxy answers as slowly as AWS (aws-sandbox's awsLatency.ts); for benchmarks only. */
    awsLatency?: AwsLatencyOptions;
  } = {},
): Promise<SandboxBackend> {
  const dir = path.join(artifactsDir, name, 'sandbox');
  fs.rmSync(dir, { recursive: true, force: true });
  // The backend reaches AWS through the proxy (AWS_ENDPOINT_URL below), not this test process.
  const {
    moto,
    proxy,
    landscape,
    stop: stopSandbox,
  } = await startSandbox({
    setEnv: false,
    awsLatency: options.awsLatency,
  });
  let backend: RunningBackend | undefined;
  try {
    const config = sandboxConfig(landscape, dir);
    backend = await startBackend(await findFreeLoopbackPort(), {
      config,
      env: { AWS_ENDPOINT_URL: proxy.endpoint, AWS_REGION: SANDBOX_REGION },
    });
    // As `npm start` before it says ready: nobody can sign in before the catalog has read the
    // sandbox's people (org/sandbox.yaml); signInAs waits for that.
    const api = await signInAs(backend.baseUrl, 'sam');
    await waitForEntity(api, 'template', 'internal-fargate-api');
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
        await stopSandbox();
      },
    };
  } catch (error) {
    await backend?.stop();
    await stopSandbox();
    throw error;
  }
}
