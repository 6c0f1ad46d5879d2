/**
 * Lookups behind the Internal Fargate API form: workload accounts, a live
 * subnet preview, consumer networks and domain checks, served at
 * /api/internal-api with the scaffolder module's config and AWS access.
 *
 * @packageDocumentation
 */
export { internalApiPlugin as default } from './plugin';
export { createRouter } from './router';
export type { RouterOptions } from './router';
