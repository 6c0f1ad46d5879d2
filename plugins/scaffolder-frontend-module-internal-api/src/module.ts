import {
  ApiBlueprint,
  createFrontendModule,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { createElement } from 'react';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { INTERNAL_API_ANNOTATIONS } from '@internal/plugin-internal-api-common';
import {
  FormFieldBlueprint,
  scaffolderTemplateOutputsBlueprint,
} from '@backstage/plugin-scaffolder-react/alpha';
import { InternalApiClient } from './api/InternalApiClient';
import { internalApiLookupsApiRef } from './api/InternalApiLookups';
import {
  INTERNAL_API_TEMPLATE_REFS,
  InternalApiTaskOutputs,
} from './outputs/InternalApiTaskOutputs';

const lookupsApi = ApiBlueprint.make({
  name: 'internal-api-lookups',
  params: defineParams =>
    defineParams({
      api: internalApiLookupsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new InternalApiClient(deps),
    }),
});

// Extension names and the fields' `ui:field` names are what templates and the app config refer to.
const fields = {
  'internal-api-account-picker': () =>
    import('./fields/AccountPicker').then(m => m.accountPickerField),
  'internal-api-account-region': () =>
    import('./fields/AccountRegion').then(m => m.accountRegionField),
  'internal-api-account-summary': () =>
    import('./fields/AccountSummary').then(m => m.accountSummaryField),
  'internal-api-subnet-filters': () =>
    import('./fields/SubnetFilters').then(m => m.subnetFiltersField),
  'internal-api-placement-summary': () =>
    import('./fields/PlacementSummary').then(m => m.placementSummaryField),
  'internal-api-consumer-picker': () =>
    import('./fields/ConsumerPicker').then(m => m.consumerPickerField),
  'internal-api-consumer-summary': () =>
    import('./fields/ConsumerSummary').then(m => m.consumerSummaryField),
  'internal-api-domain-name': () =>
    import('./fields/DomainName').then(m => m.domainNameField),
  'internal-api-container-image': () =>
    import('./fields/ContainerImage').then(m => m.containerImageField),
  'internal-api-repository-summary': () =>
    import('./fields/RepositorySummary').then(m => m.repositorySummaryField),
};

// The task page's outputs for the template (a completed task's texts, a failed task's report).
const taskOutputs = scaffolderTemplateOutputsBlueprint.make({
  name: 'internal-api-task-outputs',
  params: {
    component: InternalApiTaskOutputs,
    templateRefs: INTERNAL_API_TEMPLATE_REFS,
  },
});

/** The lookups API, the form fields and the task page's outputs, for the new frontend system. Only wiring lives here. */
export const scaffolderInternalApiModule = createFrontendModule({
  pluginId: 'scaffolder',
  extensions: [
    lookupsApi,
    taskOutputs,
    ...Object.entries(fields).map(([name, field]) =>
      FormFieldBlueprint.make({ name, params: { field } }),
    ),
  ],
});

// The Component page's "Internal API" card, on the API's Components only (the template writes the annotation).
const statusCard = EntityCardBlueprint.make({
  name: 'internal-api-status',
  params: {
    filter: entity =>
      Boolean(entity.metadata.annotations?.[INTERNAL_API_ANNOTATIONS.domain]),
    type: 'content',
    loader: () =>
      import('./entityCard/InternalApiStatusCard').then(m =>
        createElement(m.InternalApiStatusCard),
      ),
  },
});

/** The entity page's "Internal API" card, for the new frontend system (it uses the lookups API above). */
export const catalogInternalApiModule = createFrontendModule({
  pluginId: 'catalog',
  extensions: [statusCard],
});
