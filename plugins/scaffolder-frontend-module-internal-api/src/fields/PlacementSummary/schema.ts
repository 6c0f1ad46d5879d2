import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';

/** The parameters the summary follows, unless `ui:options` names others. */
export const placementSummaryDefaults = {
  accountField: 'accountId',
  regionField: 'region',
  subnetFiltersField: 'subnetFilters',
};

export const placementSummarySchema = makeFieldSchema({
  output: z =>
    z
      .string()
      .describe(
        'One subnet per zone, e.g. "eu-west-1a: subnet-1 (10.0.1.0/24); …"; for people to review, not for steps',
      ),
  uiOptions: z =>
    z.object({
      accountField: z
        .string()
        .default(placementSummaryDefaults.accountField)
        .optional()
        .describe('The parameter that holds the workload account id'),
      regionField: z
        .string()
        .default(placementSummaryDefaults.regionField)
        .optional()
        .describe('The parameter that holds the region'),
      subnetFiltersField: z
        .string()
        .default(placementSummaryDefaults.subnetFiltersField)
        .optional()
        .describe('The parameter that holds the subnet filters'),
    }),
});

export type PlacementSummaryProps = typeof placementSummarySchema.TProps;
export type PlacementSummaryUiOptions = NonNullable<
  PlacementSummaryProps['uiSchema']['ui:options']
>;
