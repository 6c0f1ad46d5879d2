import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { DomainName } from './DomainName';
import { domainNameSchema } from './schema';
import { validateDomainName } from './validation';

export const domainNameField = createFormField({
  name: 'InternalApiDomainName',
  component: DomainName,
  validation: validateDomainName,
  schema: domainNameSchema,
});
