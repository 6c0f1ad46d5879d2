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
export { writeSandboxConfig } from './sandboxConfig';
