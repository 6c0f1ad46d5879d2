import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';
import { placementFieldDefaults } from '../placementFields';

export const containerImageSchema = makeFieldSchema({
  output: z =>
    z
      .string()
      .describe(
        'A container image reference with a tag or digest, e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders:1.4.2',
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
        .describe(
          'The parameter that holds the subnet filters: whether those subnets route out decides which registries the tasks reach',
        ),
    }),
});

export type ContainerImageProps = typeof containerImageSchema.TProps;
export type ContainerImageUiOptions = NonNullable<
  ContainerImageProps['uiSchema']['ui:options']
>;
