import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { PlacementSummary } from './PlacementSummary';
import { placementSummarySchema } from './schema';

export const placementSummaryField = createFormField({
  name: 'InternalApiPlacementSummary',
  component: PlacementSummary,
  schema: placementSummarySchema,
});
