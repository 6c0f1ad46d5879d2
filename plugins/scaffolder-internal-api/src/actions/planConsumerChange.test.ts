import { accessOptions, ORDERS_API } from '../__testUtils__/accessFixture';
import {
  SERVICE_CONFIG,
  serviceRepositoryFiles,
} from '../__testUtils__/serviceRepositoryFiles';
import { runAction } from '../__testUtils__/runAction';
import { createPlanConsumerChangeAction } from './planConsumerChange';

describe('internal-api:consumers:plan-change', () => {
  let files: ReturnType<typeof serviceRepositoryFiles>;
  beforeEach(() => {
    // The workspace holds the repository in ./repository, as fetch:plain puts it there.
    files = serviceRepositoryFiles();
  });
  afterEach(() => files.remove());
  const plan = (input: Record<string, unknown>) =>
    runAction(
      createPlanConsumerChangeAction(accessOptions([ORDERS_API])),
      { entityRef: 'component:default/orders-api', ...input },
      {
        workspacePath: `${files.dir}/..`,
      },
    );
  const repositoryPath = () => files.dir.split('/').pop()!;

  it("outputs the change and where the API runs, from the repository's config", async () => {
    const output = await plan({
      repositoryPath: repositoryPath(),
      consumers: ['partner-api'],
      repositorySlug: 'acme/orders-api',
    });

    expect(output).toEqual({
      accountId: SERVICE_CONFIG.accountId,
      region: SERVICE_CONFIG.region,
      vpcId: SERVICE_CONFIG.network.vpcId,
      subnets: SERVICE_CONFIG.network.subnets,
      current: ['customer-api'],
      added: ['partner-api'],
      removed: ['customer-api'],
      kept: [],
      repoUrl: 'github.com?owner=acme&repo=orders-api',
    });
  });

  it('refuses a change that changes nothing, a path outside the workspace and an entity without its repository', async () => {
    const slug = { repositorySlug: 'acme/orders-api' };
    await expect(
      plan({
        repositoryPath: repositoryPath(),
        consumers: ['customer-api'],
        ...slug,
      }),
    ).rejects.toThrow(/are the ones the API already has: nothing to change/);
    await expect(
      plan({ repositoryPath: '../..', consumers: ['partner-api'], ...slug }),
    ).rejects.toThrow(/outside/);
    await expect(
      plan({ repositoryPath: repositoryPath(), consumers: ['partner-api'] }),
    ).rejects.toThrow(
      "repositorySlug '' is not owner/name: the API's Component needs the github.com/project-slug annotation",
    );
  });
});
