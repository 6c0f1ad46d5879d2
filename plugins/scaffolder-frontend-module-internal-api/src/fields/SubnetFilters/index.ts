import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { SubnetFilters } from './SubnetFilters';
import { subnetFiltersSchema } from './schema';
import { validateSubnetFilters } from './validation';

export const subnetFiltersField = createFormField({
  name: 'InternalApiSubnetFilters',
  component: SubnetFilters,
  validation: validateSubnetFilters,
  schema: subnetFiltersSchema,
});
