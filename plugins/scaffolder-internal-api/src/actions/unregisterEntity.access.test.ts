import { mockServices } from '@backstage/backend-test-utils';
import {
  accessOptions,
  PEOPLE,
  REFUSALS,
} from '../__testUtils__/accessFixture';
import { outcomeOf, refusalOf } from '../__testUtils__/accessRuns';
import { startCatalogWithApis } from '../__testUtils__/catalogWithApis';
import { runAction } from '../__testUtils__/runAction';
import { auditRefusals } from '../audit/refusals';
import { createUnregisterEntityAction } from './unregisterEntity';

const { sam, pat, ada, pia, nora } = PEOPLE;
const entityRef = 'component:default/orders-api';

describe('internal-api:catalog:unregister decides who may remove an API from the catalog', () => {
  let started: Awaited<ReturnType<typeof startCatalogWithApis>>;
  beforeAll(async () => {
    started = await startCatalogWithApis([
      {
        name: 'orders-api',
        annotations: { 'internal-api.platform/domain': 'orders.api.acme.com' },
        owner: 'orders-team',
      },
    ]);
  }, 60_000);
  afterAll(() => started?.stop());

  /** The check of the decommission template (planOnly), as `user`. */
  const unregister = (user: string, input: Record<string, unknown> = {}) => {
    const auditor = mockServices.auditor.mock();
    const action = createUnregisterEntityAction({
      ...accessOptions(),
      catalog: started.catalog,
      auditor,
    });
    const result = runAction(
      auditRefusals(auditor, action),
      { entityRef, planOnly: true, ...input },
      { user },
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
    expect(await outcomeOf(unregister(user), user)).toBe(outcome);
  });

  it('refuses the removal itself, not only the check, and the entity stays', async () => {
    const run = unregister(pat, { planOnly: false });
    await refusalOf(run, pat);
    expect(await started.inCatalog()).toContain('Component:orders-api');
  });
});
