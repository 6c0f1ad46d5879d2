import type { ApiHolder } from '@backstage/core-plugin-api';
import type { FieldValidation } from '@rjsf/utils';
import {
  internalApiLookupsApiRef,
  PlacementPreview,
  SubnetFilter,
} from '../api/InternalApiLookups';

/** One filter as the person edits it: values as comma-separated text. */
export interface FilterRow {
  name: string;
  values: string;
}

export const rowsOf = (filters: SubnetFilter[] | undefined): FilterRow[] =>
  (filters ?? []).map(filter => ({
    name: filter.name,
    values: filter.values.join(', '),
  }));

export const filtersOf = (rows: FilterRow[]): SubnetFilter[] =>
  rows.map(row => ({
    name: row.name.trim(),
    values: row.values
      .split(',')
      .map(value => value.trim())
      .filter(Boolean),
  }));

/** What to preview: undefined until the account, region and every filter are filled in. */
export function previewRequest(
  formData: Record<string, any> | undefined,
  filters: SubnetFilter[] | undefined,
) {
  const accountId = formData?.accountId;
  const region = formData?.region;
  const complete =
    filters &&
    filters.length > 0 &&
    filters.every(filter => filter.name && filter.values.length > 0);
  if (!/^[0-9]{12}$/.test(accountId ?? '') || !region || !complete) {
    return undefined;
  }
  return { accountId, region, subnetFilters: filters };
}

/** The preview's zones, each marked when the load balancer could not take it. */
export const previewZones = (preview: PlacementPreview | undefined) =>
  (preview?.zones ?? []).map(zone => ({
    ...zone,
    crowded: zone.subnets.length > 1,
  }));

/**
 * Blocks Next while the filters would be refused: the same preview the page
 * shows, its problems as field errors. When the backend cannot be asked the
 * field says so and blocks too, since the task would fail the same way.
 */
export async function validateSubnetFilters(
  filters: SubnetFilter[],
  validation: FieldValidation,
  context: { apiHolder: ApiHolder; formData: Record<string, any> },
) {
  const request = previewRequest(context.formData, filters);
  if (!request) {
    validation.addError(
      'Choose the account, then give every filter a name and at least one value.',
    );
    return;
  }
  const lookups = context.apiHolder.get(internalApiLookupsApiRef);
  if (!lookups) {
    return; // The app does not install the lookups; the task checks instead.
  }
  try {
    const preview = await lookups.previewPlacement(request);
    preview.problems.forEach(problem => validation.addError(problem));
  } catch (error) {
    validation.addError(
      `Could not check the subnets: ${(error as Error).message}`,
    );
  }
}

/** One line per zone for the Review page; undefined while the placement has problems. */
export const placementSummary = (preview: PlacementPreview | undefined) =>
  preview && preview.problems.length === 0 && preview.zones?.length
    ? preview.zones
        .map(
          zone =>
            `${zone.availabilityZone}: ${zone.subnets[0].subnetId} (${zone.subnets[0].cidr})`,
        )
        .join('; ')
    : undefined;
