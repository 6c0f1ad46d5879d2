import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';

/** The parameters the region follows, unless `ui:options` names others. */
export const accountRegionDefaults = { accountField: 'accountId' };

export const accountRegionSchema = makeFieldSchema({
  output: z => z.string().describe('The AWS region of the picked account'),
  uiOptions: z =>
    z.object({
      accountField: z
        .string()
        .default(accountRegionDefaults.accountField)
        .optional()
        .describe('The parameter on the same page that holds the account id'),
    }),
});

export type AccountRegionProps = typeof accountRegionSchema.TProps;
