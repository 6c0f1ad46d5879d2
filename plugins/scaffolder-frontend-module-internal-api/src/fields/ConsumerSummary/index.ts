import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { ConsumerSummary } from './ConsumerSummary';
import { consumerSummarySchema } from './schema';

export const consumerSummaryField = createFormField({
  name: 'InternalApiConsumerSummary',
  component: ConsumerSummary,
  schema: consumerSummarySchema,
});
