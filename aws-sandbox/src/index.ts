export {
  startMotoServer,
  findOrInstallMotoServer,
  findFreeLoopbackPort,
  MOTO_VERSION,
} from './motoServer';
export type { MotoServer, StartMotoServerOptions } from './motoServer';
export { emulatorClientConfig } from './clientConfig';
export { accountClientConfig, ec2In, route53In } from './accounts';
export { createVpcWithSubnets } from './vpcs';
export type { SubnetSpec, CreatedSubnet } from './vpcs';
export {
  SANDBOX_ACCOUNTS,
  SANDBOX_EXTERNAL_ID,
  SANDBOX_GROUPS,
  SANDBOX_REGION,
  emptyLandscape,
  placementOf,
} from './landscape';
export type {
  ConsumerConfig,
  Landscape,
  LandscapeVpc,
  ParentZoneConfig,
  SandboxConfig,
  SandboxLandscape,
  WorkloadAccountConfig,
} from './landscape';
export { seedLandscape } from './seedLandscape';
export {
  addConsumerVpc,
  addParentZone,
  addWorkloadVpc,
} from './landscapeExtensions';
export {
  addDefaultRoute,
  addEdgeRouteTable,
  addForeignRoute,
} from './landscapeRoutes';
export { privateSubnet, publicSubnet } from './landscapeVpcs';
export {
  addStackRecordByHand,
  repointTgwRouteByHand,
  repointVpcRouteByHand,
} from './changesByHand';
export { startSandbox } from './startSandbox';
export type { Sandbox } from './startSandbox';
export {
  SANDBOX_AWS_READY,
  sandboxConfig,
  writeSandboxConfig,
} from './sandboxConfig';
export { addedLines, landscapeState, withoutRandomIds } from './landscapeState';
export type { LandscapeState } from './landscapeState';
export { startRecordingProxy } from './recordingProxy';
export type { HeldCall, RecordingProxy } from './recordingProxy';
export { AWS_CALL_MS, ROUTE53_PENDING_MS } from './awsLatency';
export type { AwsLatencyOptions } from './awsLatency';
export { criticalPath } from './criticalPath';
export type { CriticalPath, TimedCall } from './criticalPath';
export { isWriteOperation } from './recordedCall';
export type { AwsRequest, RecordedCall } from './recordedCall';
export { SANDBOX_MAIN_PRINCIPAL } from './requestLog';
export { countAwsCalls } from './awsCalls';
export type { AwsCallCounter, AwsSdkClient, FailAwsCall } from './awsCalls';
export { backendApi, waitForEntity } from './backendApi';
export { sandboxPersonIsCatalogUser } from './appReadiness';
export type { BackendApi, BackendResponse } from './backendApi';
export { retryTask, runTask, stepLog, waitForTask } from './scaffolderTasks';
export type { TaskEvent, TaskResult } from './scaffolderTasks';
export { startPostgres } from './postgres';
export type { RunningPostgres } from './postgres';
