import { crowdedZones } from '@internal/plugin-internal-api-common';
import type {
  PlacementPreviewRequest,
  PlacementPreviewResponse,
  SubnetFilter,
} from '@internal/plugin-internal-api-common';
import {
  isPlacementPreview,
  previewRequest,
} from '../../lookups/placementPreview';
import { parameterNames } from '../parameterNames';
import { subnetFiltersDefaults, type SubnetFiltersUiOptions } from './schema';

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

/** The preview of these filters, in the account and region the form names. */
export function filtersPreviewRequest(
  formData: Record<string, unknown> | undefined,
  filters: SubnetFilter[] | undefined,
  uiOptions: SubnetFiltersUiOptions | undefined,
): PlacementPreviewRequest | undefined {
  const { accountField, regionField } = parameterNames(
    subnetFiltersDefaults,
    uiOptions,
  );
  return previewRequest({
    accountId: formData?.[accountField],
    region: formData?.[regionField],
    subnetFilters: filters,
  });
}

/** The preview's zones, each marked when the load balancer could not take it. */
export function previewZones(preview: PlacementPreviewResponse | undefined) {
  if (!isPlacementPreview(preview)) {
    return [];
  }
  const crowded = new Set(
    crowdedZones(preview.zones).map(zone => zone.availabilityZone),
  );
  return preview.zones.map(zone => ({
    ...zone,
    crowded: crowded.has(zone.availabilityZone),
  }));
}

/** The preview's problems the form does not show already as this field's errors. */
export const unreportedProblems = (
  preview: PlacementPreviewResponse | undefined,
  rawErrors: string[] | undefined,
) => (preview?.problems ?? []).filter(problem => !rawErrors?.includes(problem));
