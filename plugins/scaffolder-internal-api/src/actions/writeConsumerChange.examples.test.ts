import { exampleSteps } from '../__testUtils__/examples';
import { runAction } from '../__testUtils__/runAction';
import { workspaceWithRepository } from '../__testUtils__/serviceRepositoryFiles';
import { createWriteConsumerChangeAction } from './writeConsumerChange';
import { examples } from './writeConsumerChange.examples';

describe('internal-api:consumers:write-change examples', () => {
  let workspace: ReturnType<typeof workspaceWithRepository>;
  beforeEach(() => {
    workspace = workspaceWithRepository();
  });
  afterEach(() => workspace.remove());

  it('writes the checked CIDRs, then two literal consumers', async () => {
    const action = createWriteConsumerChangeAction();
    const steps = exampleSteps(examples, {
      'steps.checkAdded.output.consumerCidrs': [
        { name: 'billing-api', cidr: '10.40.0.0/16' },
      ],
    });
    const written = [];
    for (const step of steps) {
      expect(step.action).toBe(action.id);
      await runAction(action, step.input, {
        workspacePath: workspace.workspacePath,
      });
      written.push(workspace.consumersInConfig());
    }
    expect(written).toEqual([['billing-api'], ['customer-api', 'partner-api']]);
  });
});
