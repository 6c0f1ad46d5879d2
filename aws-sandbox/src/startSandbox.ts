import type { AwsLatencyOptions } from './awsLatency';
import { SANDBOX_REGION, SandboxLandscape } from './landscape';
import { MotoServer, startMotoServer } from './motoServer';
import { RecordingProxy, startRecordingProxy } from './recordingProxy';
import { seedLandscape } from './seedLandscape';

export interface Sandbox {
  moto: MotoServer;
  landscape: SandboxLandscape;
  /**
   * The recording proxy in front of the emulator: what AWS_ENDPOINT_URL
   * points at, so the code under test gets AWS's answers where moto's differ
   * (see emulatorGaps.ts). `moto.endpoint` is the raw emulator, for seeding.
   */
  proxy: RecordingProxy;
  /** Stops the emulator and restores AWS_ENDPOINT_URL and AWS_REGION. */
  stop(): Promise<void>;
}

/**
 * The emulator, seeded with the sandbox landscape, behind the recording
 * proxy, for a test suite. Unless `setEnv` is false it also points this
 * process's AWS SDK at the proxy (AWS_ENDPOINT_URL, AWS_REGION): credential
 * providers built from config
 * (Backstage's AWS credentials manager, and the STS client inside it) read
 * only the environment.
 */
export async function startSandbox(
  options: {
    setEnv?: boolean;
    /** Makes the proxy answer as slowly as AWS (awsLatency.ts): for benchmarks, and for tests that count calls one after another. */
    awsLatency?: AwsLatencyOptions;
  } = {},
): Promise<Sandbox> {
  const moto = await startMotoServer();
  let landscape: SandboxLandscape;
  let proxy: RecordingProxy;
  try {
    landscape = await seedLandscape(moto);
    proxy = await startRecordingProxy(moto.endpoint, {
      awsLatency: options.awsLatency,
    });
  } catch (error) {
    await moto.stop();
    throw error;
  }
  const saved = {
    AWS_ENDPOINT_URL: process.env.AWS_ENDPOINT_URL,
    AWS_REGION: process.env.AWS_REGION,
  };
  if (options.setEnv ?? true) {
    process.env.AWS_ENDPOINT_URL = proxy.endpoint;
    process.env.AWS_REGION = SANDBOX_REGION;
  }
  return {
    moto,
    landscape,
    proxy,
    async stop() {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) {
          delete process.env[name];
        } else {
          process.env[name] = value;
        }
      }
      await proxy.stop();
      await moto.stop();
    },
  };
}
