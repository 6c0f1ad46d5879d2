import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      "Compare the repository's consumers with those picked in the form (the repository fetched by fetch:plain into ./repository)",
    example: yaml.stringify({
      steps: [
        {
          id: 'plan',
          action: 'internal-api:consumers:plan-change',
          name: 'Compare the consumers',
          input: {
            entityRef: '${{ parameters.entityRef }}',
            repositoryPath: './repository',
            consumers: '${{ parameters.consumers }}',
            repositorySlug:
              "${{ steps.fetch.output.entity.metadata.annotations['github.com/project-slug'] }}",
          },
        },
      ],
    }),
  },
  {
    description: 'Give orders-api a second consumer, partner-api',
    example: yaml.stringify({
      steps: [
        {
          id: 'plan',
          action: 'internal-api:consumers:plan-change',
          name: 'Add partner-api',
          input: {
            entityRef: 'component:default/orders-api',
            repositoryPath: './repository',
            consumers: ['customer-api', 'partner-api'],
            repositorySlug: 'acme/orders-api',
          },
        },
      ],
    }),
  },
];
