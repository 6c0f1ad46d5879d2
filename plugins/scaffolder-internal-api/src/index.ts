/**
 * Scaffolder actions that place, delegate and route private internal APIs across AWS accounts.
 *
 * @packageDocumentation
 */
export { scaffolderModuleInternalApi as default } from './module';
export { createInternalApiActions } from './actions';
export type { InternalApiActionsOptions } from './actions';
