import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { AccountPicker } from './fields/AccountPicker';
import { AccountRegion } from './fields/AccountRegion';
import { ConsumerPicker } from './fields/ConsumerPicker';
import { validateDomainName } from './fields/domainName';
import { DomainNameField } from './fields/DomainNameField';
import { validateSubnetFilters } from './fields/subnetFilters';
import { SubnetFiltersField } from './fields/SubnetFiltersField';
import { PlacementSummary } from './fields/PlacementSummary';

// The names a template's `ui:field` uses. An app without this package renders
// those parameters as plain inputs, still checked by the template's schema.
export const accountPickerField = createFormField({
  name: 'InternalApiAccountPicker',
  component: AccountPicker,
});

export const accountRegionField = createFormField({
  name: 'InternalApiAccountRegion',
  component: AccountRegion,
});

export const subnetFiltersField = createFormField({
  name: 'InternalApiSubnetFilters',
  component: SubnetFiltersField,
  validation: validateSubnetFilters,
});

export const placementSummaryField = createFormField({
  name: 'InternalApiPlacementSummary',
  component: PlacementSummary,
});

export const consumerPickerField = createFormField({
  name: 'InternalApiConsumerPicker',
  component: ConsumerPicker,
});

export const domainNameField = createFormField({
  name: 'InternalApiDomainName',
  component: DomainNameField,
  validation: validateDomainName,
});
