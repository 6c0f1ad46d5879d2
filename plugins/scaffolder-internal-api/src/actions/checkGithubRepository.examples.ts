import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Refuse an existing repository (or a missing owner) with the other checks, before the first write',
    example: yaml.stringify({
      steps: [
        {
          id: 'checkRepo',
          action: 'internal-api:github-repo:check',
          name: 'Check the repository name is free',
          input: { repoUrl: '${{ parameters.repoUrl }}' },
        },
      ],
    }),
  },
  {
    description:
      "Check with the user's own GitHub token, as publish:github gets it",
    example: yaml.stringify({
      steps: [
        {
          id: 'checkRepo',
          action: 'internal-api:github-repo:check',
          name: 'Check the repository name is free',
          input: {
            repoUrl: '${{ parameters.repoUrl }}',
            token: '${{ secrets.USER_OAUTH_TOKEN }}',
          },
        },
      ],
    }),
  },
];
