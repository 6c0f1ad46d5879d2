import { SANDBOX_REGION, SandboxLandscape } from './landscape';
import { MotoServer, startMotoServer } from './motoServer';
import { seedLandscape } from './seedLandscape';

export interface Sandbox {
  moto: MotoServer;
  landscape: SandboxLandscape;
  /** Stops the emulator and restores AWS_ENDPOINT_URL and AWS_REGION. */
  stop(): Promise<void>;
}

/**
 * The emulator, seeded with the sandbox landscape, for a test suite. Unless
 * `setEnv` is false it also points this process's AWS SDK at it
 * (AWS_ENDPOINT_URL, AWS_REGION): credential providers built from config
 * (Backstage's AWS credentials manager, and the STS client inside it) read
 * only the environment.
 */
export async function startSandbox(
  options: { setEnv?: boolean } = {},
): Promise<Sandbox> {
  const moto = await startMotoServer();
  let landscape: SandboxLandscape;
  try {
    landscape = await seedLandscape(moto);
  } catch (error) {
    await moto.stop();
    throw error;
  }
  const saved = {
    AWS_ENDPOINT_URL: process.env.AWS_ENDPOINT_URL,
    AWS_REGION: process.env.AWS_REGION,
  };
  if (options.setEnv ?? true) {
    process.env.AWS_ENDPOINT_URL = moto.endpoint;
    process.env.AWS_REGION = SANDBOX_REGION;
  }
  return {
    moto,
    landscape,
    async stop() {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) {
          delete process.env[name];
        } else {
          process.env[name] = value;
        }
      }
      await moto.stop();
    },
  };
}
