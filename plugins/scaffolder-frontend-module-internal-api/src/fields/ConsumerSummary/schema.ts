import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';

/** The parameter the summary lists, unless `ui:options` names another. */
export const consumerSummaryDefaults = { consumersField: 'consumers' };

export const consumerSummarySchema = makeFieldSchema({
  output: z =>
    z
      .string()
      .describe(
        'The picked consumer networks with their CIDRs, e.g. "customer-api (10.40.0.0/16)"; for people to review, not for steps',
      ),
  uiOptions: z =>
    z.object({
      consumersField: z
        .string()
        .default(consumerSummaryDefaults.consumersField)
        .optional()
        .describe('The parameter that holds the consumer names'),
      currentConsumersOf: z
        .string()
        .optional()
        .describe(
          "The parameter holding an API's entity ref whose current consumers the picker offers too (as InternalApiConsumerPicker's option of that name), so they show with their CIDRs",
        ),
    }),
});

export type ConsumerSummaryProps = typeof consumerSummarySchema.TProps;
