import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';

export const consumerPickerSchema = makeFieldSchema({
  output: z =>
    z
      .array(z.string())
      .describe('Names of configured consumer networks, in configured order'),
  uiOptions: z => z.object({}),
});

export type ConsumerPickerProps = typeof consumerPickerSchema.TProps;
