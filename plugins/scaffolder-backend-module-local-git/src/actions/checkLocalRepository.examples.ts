import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Refuse an existing repository before any step writes, then publish to it',
    example: yaml.stringify({
      steps: [
        {
          id: 'checkRepo',
          action: 'internal-api:github-repo:check',
          name: 'Check the repository name is free',
          input: { repoUrl: '${{ parameters.repoUrl }}' },
        },
        {
          id: 'publish',
          action: 'publish:github',
          name: 'Publish',
          input: {
            repoUrl: '${{ parameters.repoUrl }}',
            defaultBranch: 'main',
          },
        },
      ],
    }),
  },
];
