import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Write the consumers register-routes checked (with their CIDRs) into the repository, for the pull request',
    example: yaml.stringify({
      steps: [
        {
          id: 'write',
          action: 'internal-api:consumers:write-change',
          name: 'Write the consumers into the repository',
          input: {
            repositoryPath: './repository',
            consumers: '${{ steps.checkAdded.output.consumerCidrs }}',
          },
        },
      ],
    }),
  },
  {
    description: "Set orders-api's consumers to customer-api and partner-api",
    example: yaml.stringify({
      steps: [
        {
          id: 'write',
          action: 'internal-api:consumers:write-change',
          name: 'Write two consumers',
          input: {
            repositoryPath: './repository',
            consumers: [
              { name: 'customer-api', cidr: '10.20.0.0/16' },
              { name: 'partner-api', cidr: '10.30.0.0/16' },
            ],
          },
        },
      ],
    }),
  },
];
