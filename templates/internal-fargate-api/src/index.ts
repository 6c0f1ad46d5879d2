/**
 * The Internal Fargate API template as other packages use it: the form values
 * of the sandbox's Orders API, the template's files for the dry-run API, and
 * the checks run on a generated repository (tsc, jest, cdk synth).
 *
 * @packageDocumentation
 */
export { ORDERS_API, ordersApiNamed } from './ordersApi';
export { repoRoot, templateDir, templateFiles } from './templateFiles';
export {
  expectSucceeded,
  generatedRepo,
  rendersDir,
  synthesizedTemplate,
  writeRender,
} from './generatedRepo';
export type { CommandResult } from './generatedRepo';
