import type { MotoServer } from './motoServer';

/**
 * SDK v3 client settings for talking to the emulator directly as its default
 * account (123456789012). `maxAttempts: 1` because moto answers unsupported
 * calls with HTTP 500, which the SDK would otherwise retry for seconds.
 */
export function emulatorClientConfig(server: MotoServer, region = 'eu-west-1') {
  return {
    endpoint: server.endpoint,
    region,
    maxAttempts: 1,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  };
}
