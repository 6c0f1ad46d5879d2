import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';

/** The parameter the summary names, unless `ui:options` names another. */
export const accountSummaryDefaults = { accountField: 'accountId' };

export const accountSummarySchema = makeFieldSchema({
  output: z =>
    z
      .string()
      .describe(
        'The picked account as people know it, e.g. "Orders (sandbox) · 444455556666"; for people to review, not for steps',
      ),
  uiOptions: z =>
    z.object({
      accountField: z
        .string()
        .default(accountSummaryDefaults.accountField)
        .optional()
        .describe('The parameter that holds the workload account id'),
    }),
});

export type AccountSummaryProps = typeof accountSummarySchema.TProps;
