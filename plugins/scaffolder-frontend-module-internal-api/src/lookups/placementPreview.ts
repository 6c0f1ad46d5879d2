import { useApi } from '@backstage/core-plugin-api';
import { ACCOUNT_ID } from '@internal/plugin-internal-api-common';
import type {
  PlacementPreview,
  PlacementPreviewRequest,
  PlacementPreviewResponse,
  SubnetFilter,
} from '@internal/plugin-internal-api-common';
import { internalApiLookupsApiRef } from '../api/InternalApiLookups';
import { Lookup, useLookup } from './useLookup';

/** Long enough that typing a filter value asks once, not on every key. */
export const PREVIEW_DELAY_MS = 400;

/** A preview, as opposed to a refusal of the values (which has only `problems`). */
export const isPlacementPreview = (
  response: PlacementPreviewResponse | undefined,
): response is PlacementPreview =>
  response !== undefined && 'zones' in response;

const isCompleteFilter = (filter: unknown): filter is SubnetFilter => {
  const { name, values } = (filter ?? {}) as Partial<SubnetFilter>;
  return (
    typeof name === 'string' &&
    name.length > 0 &&
    Array.isArray(values) &&
    values.length > 0
  );
};

/**
 * What to preview: undefined until the account, region and every filter are
 * filled in. Takes the raw form values, which a template may have named and
 * shaped differently.
 */
export function previewRequest(values: {
  accountId: unknown;
  region: unknown;
  subnetFilters: unknown;
}): PlacementPreviewRequest | undefined {
  const { accountId, region, subnetFilters } = values;
  if (
    typeof accountId !== 'string' ||
    !ACCOUNT_ID[0].test(accountId) ||
    typeof region !== 'string' ||
    !region ||
    !Array.isArray(subnetFilters) ||
    subnetFilters.length === 0 ||
    !subnetFilters.every(isCompleteFilter)
  ) {
    return undefined;
  }
  return { accountId, region, subnetFilters };
}

/**
 * The placement preview for `request`, asked {@link PREVIEW_DELAY_MS} after
 * it last changed; nothing while it is undefined. The subnet filters and the
 * resolved-subnets summary both run it; the client shares identical previews
 * in flight, so the backend is asked once.
 */
export function usePlacementPreview(
  request: PlacementPreviewRequest | undefined,
): Lookup<PlacementPreviewResponse> {
  const lookups = useApi(internalApiLookupsApiRef);
  return useLookup(
    request && JSON.stringify(request),
    () => lookups.previewPlacement(request!),
    PREVIEW_DELAY_MS,
  );
}
