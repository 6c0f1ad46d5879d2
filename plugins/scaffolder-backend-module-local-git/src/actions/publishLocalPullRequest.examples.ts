import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      "Fetch a repository into the workspace, change a file, and propose it as a pull request on the repository's default branch",
    example: yaml.stringify({
      steps: [
        {
          id: 'fetch',
          action: 'fetch:plain',
          name: 'Fetch the repository',
          input: {
            url: 'http://localhost:7007/api/local-git/github.com/acme/orders-api.git/blob/main',
            targetPath: 'repository',
          },
        },
        {
          id: 'pull-request',
          action: 'publish:github:pull-request',
          name: 'Propose the change',
          input: {
            repoUrl: 'github.com?owner=acme&repo=orders-api',
            sourcePath: 'repository',
            branchName: 'update-consumers',
            title: 'Allow partner-api to call orders-api',
            description: 'Adds partner-api (10.50.0.0/16) to the consumers.',
            commitMessage: 'Add partner-api to the consumers',
          },
        },
      ],
    }),
  },
  {
    description:
      'Write files into one folder of the repository and delete another file, on a chosen target branch',
    example: yaml.stringify({
      steps: [
        {
          id: 'pull-request',
          action: 'publish:github:pull-request',
          name: 'Propose the change',
          input: {
            repoUrl: 'github.com?owner=acme&repo=orders-api',
            targetBranchName: 'main',
            targetPath: 'config',
            filesToDelete: ['legacy.json'],
            branchName: 'config-update',
            title: 'Update the service config',
            description: 'Replaces legacy.json by service.json.',
          },
        },
      ],
    }),
  },
];
