import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';
import { placementFieldOptions } from '../placementFields';

export const placementSummarySchema = makeFieldSchema({
  output: z =>
    z
      .string()
      .describe(
        'One subnet per zone, e.g. "eu-west-1a: subnet-1 (10.0.1.0/24); …"; for people to review, not for steps',
      ),
  uiOptions: placementFieldOptions,
});

export type PlacementSummaryProps = typeof placementSummarySchema.TProps;
export type PlacementSummaryUiOptions = NonNullable<
  PlacementSummaryProps['uiSchema']['ui:options']
>;
