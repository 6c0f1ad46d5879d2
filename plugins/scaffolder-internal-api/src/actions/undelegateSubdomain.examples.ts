import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

const step = (name: string, input: Record<string, unknown>) =>
  yaml.stringify({
    steps: [
      { id: 'undelegate', action: 'internal-api:dns:undelegate', name, input },
    ],
  });

const fromForm = {
  domainName: '${{ parameters.domainName }}',
  accountId: '${{ parameters.accountId }}',
  apiName: '${{ parameters.name }}',
};

export const examples: TemplateExample[] = [
  {
    description:
      "Remove the delegation of orders.api.acme.com and its zone in the Orders account, once the API's stack is gone",
    example: step('Remove the API subdomain', {
      domainName: 'orders.api.acme.com',
      accountId: '444455556666',
      apiName: 'orders-api',
    }),
  },
  {
    description:
      "A decommission template's first step: check that the API's subdomain can be removed (reads and refusals only)",
    example: step('Check the API subdomain can be removed', {
      ...fromForm,
      planOnly: true,
    }),
  },
  {
    description:
      'Remove the subdomain of the API named in the form; outputs the zone id and a summary line',
    example: step('Remove the API subdomain', fromForm),
  },
];
