import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { RepositorySummary } from './RepositorySummary';
import { repositorySummarySchema } from './schema';

export const repositorySummaryField = createFormField({
  name: 'InternalApiRepositorySummary',
  component: RepositorySummary,
  schema: repositorySummarySchema,
});
