import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';

export const consumerPickerSchema = makeFieldSchema({
  output: z =>
    z
      .array(z.string())
      .describe('Names of configured consumer networks, in configured order'),
  uiOptions: z =>
    z.object({
      currentConsumersOf: z
        .string()
        .optional()
        .describe(
          "The parameter holding an API's entity ref (e.g. an EntityPicker): its current consumers are ticked and marked",
        ),
    }),
});

export type ConsumerPickerProps = typeof consumerPickerSchema.TProps;
