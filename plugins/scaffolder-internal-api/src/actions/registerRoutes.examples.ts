import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Route the customer-api consumer VPC to the API placed by an earlier step, both ways',
    example: yaml.stringify({
      steps: [
        {
          id: 'routes',
          action: 'internal-api:tgw:register-routes',
          name: 'Register transit gateway routes',
          input: {
            accountId: '${{ steps.placement.output.accountId }}',
            region: '${{ steps.placement.output.region }}',
            vpcId: '${{ steps.placement.output.vpcId }}',
            subnets: '${{ steps.placement.output.subnets }}',
            consumers: ['customer-api'],
          },
        },
      ],
    }),
  },
  {
    description: 'Route the consumers chosen in the form',
    example: yaml.stringify({
      steps: [
        {
          id: 'routes',
          action: 'internal-api:tgw:register-routes',
          name: 'Register transit gateway routes',
          input: {
            accountId: '${{ steps.placement.output.accountId }}',
            region: '${{ steps.placement.output.region }}',
            vpcId: '${{ steps.placement.output.vpcId }}',
            subnets: '${{ steps.placement.output.subnets }}',
            consumers: '${{ parameters.consumers }}',
          },
        },
      ],
    }),
  },
];
