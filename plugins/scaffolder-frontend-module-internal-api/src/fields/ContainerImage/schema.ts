import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';

/** The parameters the field reads, unless `ui:options` names others. */
export const containerImageDefaults = {
  accountField: 'accountId',
  regionField: 'region',
  subnetFiltersField: 'subnetFilters',
};

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
        .default(containerImageDefaults.accountField)
        .optional()
        .describe('The parameter that holds the workload account id'),
      regionField: z
        .string()
        .default(containerImageDefaults.regionField)
        .optional()
        .describe('The parameter that holds the region'),
      subnetFiltersField: z
        .string()
        .default(containerImageDefaults.subnetFiltersField)
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
