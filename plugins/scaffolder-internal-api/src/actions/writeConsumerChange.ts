import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { inputProperties } from '@internal/plugin-internal-api-common';
import { writeConsumers } from '../repository/serviceRepository';
import { examples } from './writeConsumerChange.examples';

export const WRITE_CONSUMER_CHANGE_ACTION_ID =
  'internal-api:consumers:write-change';

/**
 * Writes the new consumers into the API's repository in the workspace, for
 * the pull request: the stack opens its load balancer to config/service.json's
 * CIDRs on the next deploy, and the catalog annotation keeps the route count
 * right once merged. Writes only the workspace.
 */
export function createWriteConsumerChangeAction() {
  return createTemplateAction({
    id: WRITE_CONSUMER_CHANGE_ACTION_ID,
    description:
      "Writes an internal API's consumers into its repository checked out in the workspace: config/service.json's consumers " +
      "(names and CIDRs, which the stack's load balancer security group allows) and the Component's " +
      'internal-api.platform/consumers annotation in catalog-info.yaml; every other line stays. For publish:github:pull-request.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        repositoryPath: z =>
          inputProperties
            .repositoryPath(z)
            .describe(
              "The API's repository in the workspace: fetch:plain's targetPath, e.g. ./repository",
            ),
        consumers: z =>
          z
            .array(
              z.object({
                name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
                cidr: z.string(),
              }),
            )
            .min(1)
            .describe(
              "Every consumer from now on with its VPC CIDR: internal-api:tgw:register-routes' consumerCidrs output",
            ),
      },
      output: {
        changedFiles: z =>
          z
            .array(z.string())
            .describe('The files written, relative to the repository'),
      },
    },
    async handler(ctx) {
      const dir = resolveSafeChildPath(
        ctx.workspacePath,
        ctx.input.repositoryPath,
      );
      // A workspace only: a dry run writes it too, and so shows the pull request's real content.
      const changedFiles = await writeConsumers(dir, ctx.input.consumers);
      ctx.logger.info(
        changedFiles.length > 0
          ? `Wrote ${changedFiles.join(' and ')}.`
          : 'The repository already lists these consumers: nothing written.',
      );
      ctx.output('changedFiles', changedFiles);
    },
  });
}
