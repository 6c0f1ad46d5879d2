export {
  startMotoServer,
  findOrInstallMotoServer,
  findFreeLoopbackPort,
  MOTO_VERSION,
} from './motoServer';
export type { MotoServer, StartMotoServerOptions } from './motoServer';
export { emulatorClientConfig } from './clientConfig';
