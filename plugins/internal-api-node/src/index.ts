/**
 * The internal-api core that the scaffolder actions and the form's lookups
 * share, grouped by capability: placement, DNS delegation, transit gateway
 * routes and consumer networks. Each AWS capability has pure rules, a
 * read-only `plan` that returns plain JSON data, and (where it writes) an
 * `apply` that takes the plan and a checkpoint. `access` says who may use
 * which account and consumer: pure rules over config and the catalog's
 * groups. AWS clients are opened and closed only by
 * `InternalApiContext.aws.withClients`.
 *
 * @packageDocumentation
 */
export type {
  InternalApiConfig,
  ParentZone,
  TransitGatewayConfig,
} from './config';
export { readInternalApiConfig } from './config';
export { createInternalApiContext } from './context';
export type { InternalApiContext } from './context';
export { isAwsError } from './aws/access';
export type {
  AwsAccess,
  AwsAccessOptions,
  AwsClient,
  AwsClients,
} from './aws/access';
export type { Checkpoint, Plan, PlannedWrite } from './checkpoint';
export type { HostedZoneFacts } from './aws/route53';
export type { WaitOptions } from './aws/route53Changes';
export { planPlacement } from './placement/plan';
export { planDelegation } from './dns/plan';
export type { DelegationPlan, DelegationRequest, DnsWrite } from './dns/plan';
export { normalizeDomainName } from './dns/names';
export { zoneMark } from './dns/ownership';
export type { DomainClaim } from './dns/ownership';
export { applyDelegation } from './dns/apply';
export { planUndelegation } from './dns/undelegatePlan';
export type {
  UndelegationChange,
  UndelegationPlan,
  UndelegationRequest,
  UndelegationWrite,
} from './dns/undelegatePlan';
export { applyUndelegation } from './dns/undelegateApply';
export { TEARDOWN_RUNBOOK } from './dns/undelegateRules';
export { planRoutes } from './routes/plan';
export type { RoutePlan, RouteRequest, RouteWrite } from './routes/plan';
export {
  applyRoutes,
  proveRouteWritesAllowed,
  routeText,
} from './routes/apply';
export type { RouteChange } from './routes/rules';
export type { SkippedRouteTable } from './routes/vpcSide';
export { planRouteDeregistration } from './routes/deregisterPlan';
export { routeScope } from './routes/scope';
export type {
  DeregisterRequest,
  DeregistrationPlan,
  RouteRemovalWrite,
} from './routes/deregisterPlan';
export {
  applyRouteDeregistration,
  proveRouteRemovalsAllowed,
  removalText,
} from './routes/deregisterApply';
export type {
  RouteClaim,
  RouteRemoval,
  RouteRemovalStatus,
} from './routes/deregisterRules';
export { listConsumerNetworks } from './consumers/plan';
export { readApiStatus } from './status/read';
export type { ApiStatusReading, StatusRequest } from './status/read';
export { accessWarnings } from './access/accessConfig';
export type { AccessConfig, ConsumerApproval } from './access/accessConfig';
export { groupsOf } from './access/groups';
export type { GroupParents } from './access/groups';
export { loadGroupParents } from './access/catalogGroups';
export {
  accessOf,
  isAdmin,
  mayAddConsumer,
  mayChangeApi,
  mayCleanUpHalfCreated,
  mayCreateIn,
} from './access/rules';
export type { Access, AccessDecision } from './access/rules';
export {
  catalogGroupParents,
  createUserAccessReader,
} from './access/userAccess';
export type { UserAccessReader } from './access/userAccess';
export type { ConsumerApprovals } from './access/approvals';
export { ConsumerApprovalsClient } from './access/approvalsClient';
