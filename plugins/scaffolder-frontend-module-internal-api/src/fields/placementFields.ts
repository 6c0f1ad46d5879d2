import type { makeFieldSchema } from '@backstage/plugin-scaffolder-react';

/** The zod instance a field schema's `uiOptions` callback is given. */
type Zod = Parameters<
  NonNullable<Parameters<typeof makeFieldSchema>[0]['uiOptions']>
>[0];

/**
 * The parameters that say where the API is placed, for a field that needs
 * the placement preview (the resolved-subnets summary, the image check),
 * unless its `ui:options` names others.
 */
export const placementFieldDefaults = {
  accountField: 'accountId',
  regionField: 'region',
  subnetFiltersField: 'subnetFilters',
};

/** The `ui:options` naming those parameters, for a field schema's `uiOptions`. */
export const placementFieldOptions = (z: Zod) =>
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
  });
