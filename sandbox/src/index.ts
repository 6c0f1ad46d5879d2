export {
  startMotoServer,
  findOrInstallMotoServer,
  findFreeLoopbackPort,
  MOTO_VERSION,
} from './motoServer';
export type { MotoServer, StartMotoServerOptions } from './motoServer';
export { emulatorClientConfig } from './clientConfig';
export { accountClientConfig } from './accounts';
export { createVpcWithSubnets } from './vpcs';
export type { SubnetSpec, CreatedSubnet } from './vpcs';
export { seedLandscape, SANDBOX_ACCOUNTS, SANDBOX_REGION } from './landscape';
export type { SandboxLandscape } from './landscape';
export { sandboxConfig, writeSandboxConfig } from './sandboxConfig';
export { landscapeState } from './landscapeState';
export type { LandscapeState } from './landscapeState';
export { startRecordingProxy } from './recordingProxy';
export type { RecordedCall, RecordingProxy } from './recordingProxy';
