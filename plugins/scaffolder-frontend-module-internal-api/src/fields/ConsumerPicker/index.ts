import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { ConsumerPicker } from './ConsumerPicker';
import { consumerPickerSchema } from './schema';

export const consumerPickerField = createFormField({
  name: 'InternalApiConsumerPicker',
  component: ConsumerPicker,
  schema: consumerPickerSchema,
});
