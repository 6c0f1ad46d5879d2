import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';
import { placementFieldDefaults } from '../placementFields';

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
        .default(placementFieldDefaults.accountField)
        .optional()
        .describe('The parameter that holds the workload account id'),
      regionField: z
        .string()
        .default(placementFieldDefaults.regionField)
        .optional()
        .describe('The parameter that holds the region'),
      subnetFiltersField: z
        .string()
        .default(placementFieldDefaults.subnetFiltersField)
        .optional()
        .describe('The parameter that holds the subnet filters'),
    }),
});

export type PlacementSummaryProps = typeof placementSummarySchema.TProps;
export type PlacementSummaryUiOptions = NonNullable<
  PlacementSummaryProps['uiSchema']['ui:options']
>;
