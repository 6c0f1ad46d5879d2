import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { AccountSummary } from './AccountSummary';
import { accountSummarySchema } from './schema';

export const accountSummaryField = createFormField({
  name: 'InternalApiAccountSummary',
  component: AccountSummary,
  schema: accountSummarySchema,
});
