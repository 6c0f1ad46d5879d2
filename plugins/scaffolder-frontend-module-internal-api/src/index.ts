/**
 * Scaffolder form fields that know the platform: AWS account and region,
 * subnet filters with a live per-zone preview, consumer networks, domain name.
 *
 * @packageDocumentation
 */
export { scaffolderInternalApiModule as default } from './module';
export { InternalApiClient } from './api/InternalApiClient';
export { internalApiLookupsApiRef } from './api/InternalApiLookups';
export type { InternalApiLookups } from './api/InternalApiLookups';
