import type {
  PlacementPreviewRequest,
  PlacementPreviewResponse,
} from '@internal/plugin-internal-api-common';
import {
  isPlacementPreview,
  previewRequest,
} from '../../lookups/placementPreview';
import { parameterNames } from '../parameterNames';
import { placementFieldDefaults } from '../placementFields';
import type { PlacementSummaryUiOptions } from './schema';

/** The preview of the account, region and filters the form names. */
export function summaryPreviewRequest(
  formData: Record<string, unknown> | undefined,
  uiOptions: PlacementSummaryUiOptions | undefined,
): PlacementPreviewRequest | undefined {
  const { accountField, regionField, subnetFiltersField } = parameterNames(
    placementFieldDefaults,
    uiOptions,
  );
  return previewRequest({
    accountId: formData?.[accountField],
    region: formData?.[regionField],
    subnetFilters: formData?.[subnetFiltersField],
  });
}

/** One line per zone for the Review page; undefined while the placement has problems. */
export function placementSummary(
  preview: PlacementPreviewResponse | undefined,
): string | undefined {
  if (
    !isPlacementPreview(preview) ||
    preview.problems.length > 0 ||
    preview.zones.length === 0
  ) {
    return undefined;
  }
  return preview.zones
    .map(
      zone =>
        `${zone.availabilityZone}: ${zone.subnets[0].subnetId} (${zone.subnets[0].cidr})`,
    )
    .join('; ');
}
