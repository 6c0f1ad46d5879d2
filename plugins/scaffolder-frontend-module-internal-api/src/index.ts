/**
 * Scaffolder form fields that know the platform: AWS account and region,
 * subnet filters with a live per-zone preview, consumer networks, domain name;
 * and the task page's outputs for the internal-API template.
 *
 * @packageDocumentation
 */
export {
  scaffolderInternalApiModule as default,
  catalogInternalApiModule,
} from './module';
export { InternalApiClient } from './api/InternalApiClient';
export { internalApiLookupsApiRef } from './api/InternalApiLookups';
export type { InternalApiLookups } from './api/InternalApiLookups';
export {
  INTERNAL_API_TEMPLATE_REFS,
  InternalApiTaskOutputs,
} from './outputs/InternalApiTaskOutputs';
export { internalApiApprovalsPlugin } from './approvals/plugin';
export { consumerApprovalsApiRef } from './approvals/api';
export type { ConsumerApprovalsApi } from './approvals/api';
