import { accessOptions, ORDERS_API } from '../__testUtils__/accessFixture';
import { exampleSteps } from '../__testUtils__/examples';
import { runAction } from '../__testUtils__/runAction';
import { workspaceWithRepository } from '../__testUtils__/serviceRepositoryFiles';
import { createPlanConsumerChangeAction } from './planConsumerChange';
import { examples } from './planConsumerChange.examples';

describe('internal-api:consumers:plan-change examples', () => {
  let workspace: ReturnType<typeof workspaceWithRepository>;
  beforeEach(() => {
    workspace = workspaceWithRepository();
  });
  afterEach(() => workspace.remove());

  it("plans the form's pick, then adding partner-api to customer-api", async () => {
    const action = createPlanConsumerChangeAction(accessOptions([ORDERS_API]));
    const steps = exampleSteps(examples, {
      'parameters.entityRef': 'component:default/orders-api',
      'parameters.consumers': ['customer-api', 'billing-api'],
      "steps.fetch.output.entity.metadata.annotations['github.com/project-slug']":
        'acme/orders-api',
    });
    const added = [];
    const repoUrls = [];
    for (const step of steps) {
      expect(step.action).toBe(action.id);
      const output = await runAction(action, step.input, {
        workspacePath: workspace.workspacePath,
      });
      added.push(output.added);
      repoUrls.push(output.repoUrl);
    }
    expect(added).toEqual([['billing-api'], ['partner-api']]);
    expect(repoUrls).toEqual(
      Array(2).fill('github.com?owner=acme&repo=orders-api'),
    );
  });
});
