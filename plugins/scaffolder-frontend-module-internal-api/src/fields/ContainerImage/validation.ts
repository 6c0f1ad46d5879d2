import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { imagePullProblem } from '@internal/plugin-internal-api-common';
import { internalApiLookupsApiRef } from '../../api/InternalApiLookups';
import { inFormWords } from '../../lookups/formWords';
import {
  isPlacementPreview,
  previewRequest,
} from '../../lookups/placementPreview';
import { parameterNames } from '../parameterNames';
import { placementFieldDefaults } from '../placementFields';
import type { ContainerImageUiOptions } from './schema';

/**
 * Refuses an image the API's tasks could not pull where the form places them:
 * asks for the same placement preview the subnet fields show (the client
 * shares it while it is in flight) and applies the placement action's rule,
 * so Next is blocked for exactly what the task would refuse. Before the
 * placement is complete, or without the lookups, the task's placement step
 * remains.
 */
export const validateContainerImage: CustomFieldValidator<
  string,
  ContainerImageUiOptions
> = async (image, validation, context) => {
  const lookups = context.apiHolder.get(internalApiLookupsApiRef);
  const { accountField, regionField, subnetFiltersField } = parameterNames(
    placementFieldDefaults,
    context.uiSchema?.['ui:options'],
  );
  const request = previewRequest({
    accountId: context.formData?.[accountField],
    region: context.formData?.[regionField],
    subnetFilters: context.formData?.[subnetFiltersField],
  });
  if (!lookups || !image || !request) {
    return;
  }
  try {
    const preview = await lookups.previewPlacement(request);
    if (!isPlacementPreview(preview) || preview.zones.length === 0) {
      return; // The subnet fields show what is wrong with the placement.
    }
    const problem = imagePullProblem({
      image,
      region: preview.region,
      egressRoute: preview.egressRoute,
    });
    if (problem) {
      validation.addError(inFormWords(problem));
    }
  } catch (error) {
    validation.addError(
      `Could not check where the image can be pulled from: ${
        (error as Error).message
      }`,
    );
  }
};
