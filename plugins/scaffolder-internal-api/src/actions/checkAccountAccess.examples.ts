import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      "The create template's first step: may the person create internal APIs in the account they picked?",
    example: yaml.stringify({
      steps: [
        {
          id: 'access',
          action: 'internal-api:account:check-access',
          name: 'Check you may create in the account',
          input: { accountId: '${{ parameters.accountId }}' },
        },
      ],
    }),
  },
];
