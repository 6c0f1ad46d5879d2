import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Last step of a template: when an earlier step failed, list the AWS changes the DNS and route steps made',
    example: yaml.stringify({
      steps: [
        {
          id: 'report',
          name: 'On failure: report the AWS changes made',
          if: '${{ failure() }}',
          action: 'internal-api:report:changes',
          input: {
            dnsChanges: '${{ steps.dns.output.changes }}',
            hostedZoneId: '${{ steps.dns.output.hostedZoneId }}',
            routes: '${{ steps.routes.output.routes }}',
            repository: '${{ steps.publish.output.remoteUrl }}',
          },
        },
      ],
    }),
  },
];
