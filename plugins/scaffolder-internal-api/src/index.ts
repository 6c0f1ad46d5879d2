/**
 * Scaffolder actions that place, delegate and route private internal APIs across AWS accounts.
 *
 * @packageDocumentation
 */
export { scaffolderModuleInternalApi as default } from './module';
export {
  createInternalApiActions,
  createResolvePlacementAction,
  RESOLVE_PLACEMENT_ACTION_ID,
  createDelegateSubdomainAction,
  DELEGATE_SUBDOMAIN_ACTION_ID,
  DRY_RUN_ZONE_ID,
  createRegisterRoutesAction,
  REGISTER_ROUTES_ACTION_ID,
} from './actions';
export type { InternalApiActionsOptions } from './actions';
export { readInternalApiConfig } from './config';
export type {
  InternalApiConfig,
  WorkloadAccount,
  ConsumerNetwork,
  ParentZone,
  TransitGatewayConfig,
} from './config';
export { createInternalApiContext } from './context';
export type { InternalApiContext } from './context';
export { previewPlacement } from './placementPreview';
export type { PlacementPreview } from './placementPreview';
export type { SubnetFilter, ZoneSubnets } from './placement';
export { withDelegationPlan } from './delegation';
export type { DelegationChange, DelegationPlan } from './delegation';
export { listConsumerNetworks } from './consumerNetworks';
export type { ConsumerNetworkFacts } from './consumerNetworks';
