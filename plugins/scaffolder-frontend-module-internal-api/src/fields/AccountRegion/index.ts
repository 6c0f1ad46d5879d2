import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { AccountRegion } from './AccountRegion';
import { accountRegionSchema } from './schema';

export const accountRegionField = createFormField({
  name: 'InternalApiAccountRegion',
  component: AccountRegion,
  schema: accountRegionSchema,
});
