import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { ContainerImage } from './ContainerImage';
import { containerImageSchema } from './schema';
import { validateContainerImage } from './validation';

export const containerImageField = createFormField({
  name: 'InternalApiContainerImage',
  component: ContainerImage,
  validation: validateContainerImage,
  schema: containerImageSchema,
});
