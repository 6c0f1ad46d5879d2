export { InternalApiTaskOutputs, TaskOutputs } from './InternalApiTaskOutputs';

/**
 * The templates whose task page shows these outputs: this repository's
 * template. A fork that renames the template registers the component for its
 * ref (see the package README).
 */
export const INTERNAL_API_TEMPLATE_REFS = [
  'template:default/internal-fargate-api',
];
