import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Delegate orders.api.acme.com from acme.com to a new zone in the Orders account',
    example: yaml.stringify({
      steps: [
        {
          id: 'dns',
          action: 'internal-api:dns:delegate',
          name: 'Delegate the API subdomain',
          input: {
            domainName: 'orders.api.acme.com',
            accountId: '444455556666',
            apiName: 'orders-api',
          },
        },
      ],
    }),
  },
  {
    description:
      'Delegate the domain chosen in the form for the API named in it; later steps use the zone id',
    example: yaml.stringify({
      steps: [
        {
          id: 'dns',
          action: 'internal-api:dns:delegate',
          name: 'Delegate the API subdomain',
          input: {
            domainName: '${{ parameters.domainName }}',
            accountId: '${{ parameters.accountId }}',
            apiName: '${{ parameters.name }}',
          },
        },
      ],
    }),
  },
];
