import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

const step = (name: string, input: Record<string, unknown>) =>
  yaml.stringify({
    steps: [
      {
        id: 'unregister',
        action: 'internal-api:catalog:unregister',
        name,
        input,
      },
    ],
  });

export const examples: TemplateExample[] = [
  {
    description:
      "A decommission template's check: which location and entities would go (reads and refusals only)",
    example: step('Check the API can be unregistered', {
      entityRef: '${{ parameters.entityRef }}',
      planOnly: true,
    }),
  },
  {
    description:
      'Unregister orders-api: its location, its Component and its API leave the catalog',
    example: step('Unregister the API', {
      entityRef: 'component:default/orders-api',
    }),
  },
];
