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
