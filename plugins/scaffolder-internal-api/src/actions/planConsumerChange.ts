import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { InputError } from '@backstage/errors';
import {
  INTERNAL_API_ANNOTATIONS,
  inputProperties,
} from '@internal/plugin-internal-api-common';
import { planConsumerChange } from '../repository/consumerChange';
import { readServiceRepository } from '../repository/serviceRepository';
import { examples } from './planConsumerChange.examples';
import {
  AccessOptions,
  initiatorOf,
  requireMayChangeApi,
} from '../access/actionAccess';
import { parseApiEntityRef } from '../catalog/apiEntity';

export const PLAN_CONSUMER_CHANGE_ACTION_ID =
  'internal-api:consumers:plan-change';

/** publish:github:pull-request's repoUrl for `owner/name`, or an InputError saying what to add. */
function repositoryUrl(slug: string | undefined) {
  const [, owner, repo] =
    /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(slug?.trim() ?? '') ?? [];
  if (!owner) {
    throw new InputError(
      `repositorySlug '${
        slug ?? ''
      }' is not owner/name: the API's Component needs the ${
        INTERNAL_API_ANNOTATIONS.repository
      } ` +
        'annotation (e.g. acme/orders-api) in its catalog-info.yaml for the pull request. Add it on the default branch, then run this again.',
    );
  }
  return `github.com?owner=${owner}&repo=${repo}`;
}

/**
 * Reads an API's repository (checked out in the workspace) and compares its
 * consumers with the wanted ones: what the route steps add and remove, and
 * where (account, VPC, the API's route tables). Reads only the workspace.
 */
export function createPlanConsumerChangeAction(options: AccessOptions) {
  return createTemplateAction({
    id: PLAN_CONSUMER_CHANGE_ACTION_ID,
    description:
      "Compares the consumers in an internal API's repository (config/service.json, checked out in the workspace by fetch:plain) " +
      'with the wanted set, and outputs the consumers added, removed and kept with where the API runs (account, region, VPC, ' +
      'subnets with route tables), for internal-api:tgw:register-routes and deregister-routes. ' +
      'Refuses a set that changes nothing, repeats a name or is empty, and a user who does not own the API (nor is an admin). Writes nothing.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        entityRef: z =>
          z
            .string()
            .describe(
              "The API's Component, e.g. component:default/orders-api: only its owner or an admin may change its consumers",
            ),
        repositoryPath: z =>
          inputProperties
            .repositoryPath(z)
            .describe(
              "The API's repository in the workspace: fetch:plain's targetPath, e.g. ./repository",
            ),
        consumers: z =>
          inputProperties
            .consumerNames(z)
            .describe(
              'Every consumer the API should have from now on: names from internalApi.consumers',
            ),
        repositorySlug: z =>
          z
            .string()
            .optional()
            .describe(
              "The repository as owner/name: the entity's github.com/project-slug annotation. Checked here, before any write, so the pull request step has where to go",
            ),
      },
      output: {
        accountId: z => z.string(),
        region: z => z.string(),
        vpcId: z => z.string(),
        subnets: z =>
          z
            .array(
              z
                .object({ subnetId: z.string(), routeTableId: z.string() })
                .passthrough(),
            )
            .describe(
              "The API's subnets, whose route tables get the return routes",
            ),
        current: z =>
          z
            .array(z.string())
            .describe('The consumers the repository lists today'),
        added: z => z.array(z.string()).describe('Consumers that get routes'),
        removed: z =>
          z
            .array(z.string())
            .describe(
              'Consumers whose routes go, where no other API needs them',
            ),
        kept: z => z.array(z.string()),
        repoUrl: z =>
          z
            .string()
            .describe(
              'The repository for publish:github:pull-request: github.com?owner=<owner>&repo=<name>',
            ),
      },
    },
    async handler(ctx) {
      await requireMayChangeApi(
        options,
        await initiatorOf(options, ctx, "Changing an API's consumers"),
        parseApiEntityRef(ctx.input.entityRef),
        ctx.logger,
      );
      const dir = resolveSafeChildPath(
        ctx.workspacePath,
        ctx.input.repositoryPath,
      );
      const repoUrl = repositoryUrl(ctx.input.repositorySlug);
      const repository = await readServiceRepository(dir);
      const change = planConsumerChange(
        repository.consumers.map(consumer => consumer.name),
        ctx.input.consumers,
      );
      ctx.logger.info(
        [
          `${repository.name} in account ${repository.accountId}, ${repository.vpcId}:`,
          `- add: ${change.added.join(', ') || 'none'}`,
          `- remove: ${change.removed.join(', ') || 'none'}`,
          `- keep: ${change.kept.join(', ') || 'none'}`,
        ].join('\n'),
      );
      ctx.output('accountId', repository.accountId);
      ctx.output('region', repository.region);
      ctx.output('vpcId', repository.vpcId);
      ctx.output('subnets', repository.subnets);
      ctx.output('current', change.current);
      ctx.output('added', change.added);
      ctx.output('removed', change.removed);
      ctx.output('kept', change.kept);
      ctx.output('repoUrl', repoUrl);
    },
  });
}
