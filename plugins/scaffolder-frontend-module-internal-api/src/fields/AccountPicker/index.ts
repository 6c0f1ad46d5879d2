import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { AccountPicker } from './AccountPicker';
import { accountPickerSchema } from './schema';

export const accountPickerField = createFormField({
  name: 'InternalApiAccountPicker',
  component: AccountPicker,
  schema: accountPickerSchema,
});
