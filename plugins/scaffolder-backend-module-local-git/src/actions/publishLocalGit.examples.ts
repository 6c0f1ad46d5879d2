import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Publish the workspace (as publish:github would) and register its catalog-info.yaml',
    example: yaml.stringify({
      steps: [
        {
          id: 'publish',
          action: 'publish:github',
          name: 'Publish',
          input: {
            repoUrl: 'github.com?owner=acme&repo=orders-api',
            description: 'Orders API',
            defaultBranch: 'main',
          },
        },
        {
          id: 'register',
          action: 'catalog:register',
          name: 'Register',
          input: {
            catalogInfoUrl:
              '${{ steps.publish.output.repoContentsUrl }}/catalog-info.yaml',
          },
        },
      ],
    }),
  },
];
