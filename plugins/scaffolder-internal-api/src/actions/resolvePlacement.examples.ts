import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      "Private subnets of the account's configured VPC, found by tag",
    example: yaml.stringify({
      steps: [
        {
          id: 'placement',
          action: 'internal-api:placement:resolve',
          name: 'Resolve placement',
          input: {
            accountId: '444455556666',
            region: 'eu-west-1',
            subnetFilters: [{ name: 'tag:Tier', values: ['private'] }],
          },
        },
      ],
    }),
  },
  {
    description:
      'Exact subnets from form values, one per Availability Zone, refusing an image the tasks could not pull there',
    example: yaml.stringify({
      steps: [
        {
          id: 'placement',
          action: 'internal-api:placement:resolve',
          name: 'Resolve placement',
          input: {
            accountId: '${{ parameters.accountId }}',
            region: '${{ parameters.region }}',
            subnetFilters: '${{ parameters.subnetFilters }}',
            image: '${{ parameters.image }}',
          },
        },
      ],
    }),
  },
];
