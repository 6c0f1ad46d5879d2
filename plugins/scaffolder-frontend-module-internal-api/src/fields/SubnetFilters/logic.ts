import { crowdedZones } from '@internal/plugin-internal-api-common';
import type {
  PlacementPreviewRequest,
  PlacementPreviewResponse,
  SubnetFilter,
} from '@internal/plugin-internal-api-common';
import { inFormWords } from '../../lookups/formWords';
import {
  isPlacementPreview,
  previewRequest,
} from '../../lookups/placementPreview';
import type { Lookup } from '../../lookups/useLookup';
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

/** What the validator says, and the field while the preview cannot be asked yet. */
export const NEEDS_ACCOUNT_AND_FILTERS =
  'Pick the AWS account above, then give every filter a name and at least one value, e.g. tag:Tier = private.';

/** One line under the preview; `error` draws it red. */
export interface FieldMessage {
  text: string;
  error: boolean;
}

/**
 * What the field says under the preview, from the live preview, not from the
 * errors of the last Next: the scaffolder keeps those until Next is pressed
 * again, so fixed filters would still read as refused. A refusal says that
 * Next stays blocked (its validator asks the same preview). `shownByForm`:
 * the errors the form draws under the field itself (none with
 * `ui:hideError`), not repeated here.
 */
export function placementMessages(options: {
  request: PlacementPreviewRequest | undefined;
  preview: Lookup<PlacementPreviewResponse>;
  /** This field's errors from the last Next. */
  rawErrors: string[];
  shownByForm: string[];
}): FieldMessage[] {
  const { request, preview, rawErrors, shownByForm } = options;
  const messages: FieldMessage[] = [];
  if (!request) {
    // Nothing to preview: red only once Next was pressed like this.
    messages.push({
      text: NEEDS_ACCOUNT_AND_FILTERS,
      error: rawErrors.length > 0,
    });
  } else if (preview.error) {
    messages.push({
      text: `Could not look up the subnets: ${preview.error.message}`,
      error: true,
    });
  } else if (preview.value) {
    const problems = preview.value.problems.map(inFormWords);
    messages.push(...problems.map(text => ({ text, error: true })));
    if (problems.length > 0) {
      messages.push({
        text: `Next stays blocked until ${
          problems.length === 1 ? 'this is' : 'these are'
        } fixed.`,
        error: true,
      });
    } else if (isPlacementPreview(preview.value)) {
      const { zones, vpcId, vpcCidr } = preview.value;
      messages.push({
        text: `One subnet in each of ${zones.length} zones of ${vpcId} (${vpcCidr}): the load balancer can use them.`,
        error: false,
      });
    }
  }
  if (request && preview.loading) {
    messages.unshift({ text: 'Looking up subnets…', error: false });
  }
  return messages.filter(message => !shownByForm.includes(message.text));
}
