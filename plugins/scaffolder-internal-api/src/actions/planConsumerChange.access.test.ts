import { mockServices } from '@backstage/backend-test-utils';
import {
  accessOptions,
  NOTHING_CHANGED,
  ORDERS_API,
  PEOPLE,
  REFUSALS,
} from '../__testUtils__/accessFixture';
import { outcomeOf, refusalOf } from '../__testUtils__/accessRuns';
import { runAction } from '../__testUtils__/runAction';
import { workspaceWithRepository } from '../__testUtils__/serviceRepositoryFiles';
import { auditRefusals } from '../audit/refusals';
import { createPlanConsumerChangeAction } from './planConsumerChange';

const { sam, pat, ada, pia, nora } = PEOPLE;
const entityRef = 'component:default/orders-api';

describe('internal-api:consumers:plan-change decides who may change an API', () => {
  let workspace: ReturnType<typeof workspaceWithRepository>;
  beforeEach(() => {
    workspace = workspaceWithRepository();
  });
  afterEach(() => workspace.remove());

  const plan = (user: string, ref = entityRef, retriedBy?: string) => {
    const auditor = mockServices.auditor.mock();
    const action = createPlanConsumerChangeAction(accessOptions([ORDERS_API]));
    const result = runAction(
      auditRefusals(auditor, action),
      {
        entityRef: ref,
        repositoryPath: './repository',
        consumers: ['customer-api', 'partner-api'],
        repositorySlug: 'acme/orders-api',
      },
      { user, retriedBy, workspacePath: workspace.workspacePath },
    );
    return { result, context: { auditor } };
  };

  it.each([
    [sam, 'runs'],
    [ada, 'runs'],
    [pat, REFUSALS.notTheOwner(pat, entityRef)],
    [pia, REFUSALS.notTheOwner(pia, entityRef)],
    [nora, REFUSALS.notTheOwner(nora, entityRef)],
  ])('%s: %s', async (user, outcome) => {
    expect(await outcomeOf(plan(user), user)).toBe(outcome);
  });

  it('an API the catalog does not hold is an admin’s alone', async () => {
    const run = plan(sam, 'component:default/ghost-api');
    expect(await refusalOf(run, sam)).toBe(
      `The catalog has no entity component:default/ghost-api, so nobody owns it and only admins may act on it: check entityRef. ${NOTHING_CHANGED}`,
    );
    await expect(
      plan(ada, 'component:default/ghost-api').result,
    ).resolves.toBeDefined();
  });

  it('refuses a task retried by someone else, even an admin: a task acts for the person who started it', async () => {
    const run = plan(sam, entityRef, ada);
    // The audit event names the task's own initiator.
    expect(await refusalOf(run, sam)).toBe(
      `This task was started by ${sam} and retried by ${ada}: a task acts for the person who started it ` +
        `(its AWS sessions and audit events name them), so only they may retry it. Ask ${sam} to retry ` +
        `it, or start a task of your own. ${NOTHING_CHANGED}`,
    );
  });
});
