import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';
import { ACCOUNT_ID } from '@internal/plugin-internal-api-common';

export const accountPickerSchema = makeFieldSchema({
  output: z =>
    z
      .string()
      .regex(ACCOUNT_ID[0])
      .describe('The 12-digit id of a configured workload account'),
  uiOptions: z => z.object({}),
});

export type AccountPickerProps = typeof accountPickerSchema.TProps;
