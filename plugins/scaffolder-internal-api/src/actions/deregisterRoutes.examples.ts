import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

// Day-2 templates take the API from an EntityPicker and read its annotations
// (aws.amazon.com/account-id, internal-api.platform/vpc-id, …), as a
// fetch step or the form's lookups put them in parameters.

export const examples: TemplateExample[] = [
  {
    description:
      'An API stays but stops serving partner-api: remove those routes unless another API in its VPC still lists partner-api',
    example: yaml.stringify({
      steps: [
        {
          id: 'drop-routes',
          action: 'internal-api:tgw:deregister-routes',
          name: 'Remove the routes to dropped consumers',
          input: {
            accountId: '${{ parameters.accountId }}',
            region: '${{ parameters.region }}',
            vpcId: '${{ parameters.vpcId }}',
            consumers: ['partner-api'],
            entityRef: '${{ parameters.entityRef }}',
          },
        },
      ],
    }),
  },
  {
    description:
      'Decommission an API: remove its routes both ways and its transit gateway route, keeping whatever other APIs in the VPC need',
    example: yaml.stringify({
      steps: [
        {
          id: 'remove-routes',
          action: 'internal-api:tgw:deregister-routes',
          name: 'Remove transit gateway routes',
          input: {
            accountId: '${{ parameters.accountId }}',
            region: '${{ parameters.region }}',
            vpcId: '${{ parameters.vpcId }}',
            consumers: '${{ parameters.consumers }}',
            entityRef: '${{ parameters.entityRef }}',
            decommission: true,
          },
        },
      ],
    }),
  },
];
