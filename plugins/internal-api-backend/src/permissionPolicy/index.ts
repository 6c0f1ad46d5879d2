/**
 * The permission backend's module with our policy, as this entry point's
 * default export: the app adds it with `backend.add(import(…))`, which only
 * unwraps a default export.
 *
 * @packageDocumentation
 */
export { permissionModuleInternalApiPolicy as default } from './module';
