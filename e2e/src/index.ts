/**
 * The end-to-end harness, for the e2e tests and the benchmarks: the built app
 * and a real backend on loopback (on the sandbox's emulator), the APIs as one
 * of the sandbox's people sees them, and headless Chromium.
 *
 * @packageDocumentation
 */
export {
  artifactsDir,
  buildApp,
  repoRoot,
  startBackend,
  stopProcessGroup,
  waitForReadiness,
  writeLoopbackConfig,
} from './backstageProcess';
export type { RunningBackend } from './backstageProcess';
export { startSandboxBackend } from './sandboxBackend';
export type { SandboxBackend } from './sandboxBackend';
export { startReplicatedSandbox } from './replicatedSandbox';
export type { Replica, ReplicatedSandbox } from './replicatedSandbox';
export { runTask, signInAs } from './scaffolderApi';
export type { TaskEvent, TaskResult } from './scaffolderApi';
export { launchChromium } from './chromium';
