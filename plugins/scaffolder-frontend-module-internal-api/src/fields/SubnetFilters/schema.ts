import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';

/** The parameters the preview reads, unless `ui:options` names others. */
export const subnetFiltersDefaults = {
  accountField: 'accountId',
  regionField: 'region',
};

export const subnetFiltersSchema = makeFieldSchema({
  output: z =>
    z
      .array(z.object({ name: z.string(), values: z.array(z.string()) }))
      .describe('EC2 subnet filters, as DescribeSubnets takes them'),
  uiOptions: z =>
    z.object({
      accountField: z
        .string()
        .default(subnetFiltersDefaults.accountField)
        .optional()
        .describe('The parameter that holds the workload account id'),
      regionField: z
        .string()
        .default(subnetFiltersDefaults.regionField)
        .optional()
        .describe('The parameter that holds the region'),
    }),
});

export type SubnetFiltersProps = typeof subnetFiltersSchema.TProps;
export type SubnetFiltersUiOptions = NonNullable<
  SubnetFiltersProps['uiSchema']['ui:options']
>;
