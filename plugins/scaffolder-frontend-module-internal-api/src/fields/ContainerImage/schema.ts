import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';
import { placementFieldOptions } from '../placementFields';

export const containerImageSchema = makeFieldSchema({
  output: z =>
    z
      .string()
      .describe(
        'A container image reference with a tag or digest, e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders:1.4.2',
      ),
  uiOptions: placementFieldOptions,
});

export type ContainerImageProps = typeof containerImageSchema.TProps;
export type ContainerImageUiOptions = NonNullable<
  ContainerImageProps['uiSchema']['ui:options']
>;
