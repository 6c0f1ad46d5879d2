import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import type { SubnetFilter } from '@internal/plugin-internal-api-common';
import { internalApiLookupsApiRef } from '../../api/InternalApiLookups';
import { inFormWords } from '../../lookups/formWords';
import { filtersPreviewRequest, NEEDS_ACCOUNT_AND_FILTERS } from './logic';
import type { SubnetFiltersUiOptions } from './schema';

/**
 * Blocks Next while the filters would be refused: the same preview the page
 * shows, its problems as field errors. When the backend cannot be asked the
 * field says so and blocks too, since the task would fail the same way.
 */
export const validateSubnetFilters: CustomFieldValidator<
  SubnetFilter[],
  SubnetFiltersUiOptions
> = async (filters, validation, context) => {
  const request = filtersPreviewRequest(
    context.formData,
    filters,
    context.uiSchema?.['ui:options'],
  );
  if (!request) {
    validation.addError(NEEDS_ACCOUNT_AND_FILTERS);
    return;
  }
  const lookups = context.apiHolder.get(internalApiLookupsApiRef);
  if (!lookups) {
    return; // The app does not install the lookups; the task checks instead.
  }
  try {
    const preview = await lookups.previewPlacement(request);
    preview.problems.forEach(problem =>
      validation.addError(inFormWords(problem)),
    );
  } catch (error) {
    validation.addError(
      `Could not check the subnets: ${(error as Error).message}`,
    );
  }
};
