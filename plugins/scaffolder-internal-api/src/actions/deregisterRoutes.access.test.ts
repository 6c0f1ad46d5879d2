import { placementOf, Sandbox, startSandbox } from '@internal/aws-sandbox';
import {
  NOTHING_CHANGED,
  PEOPLE,
  REFUSALS,
} from '../__testUtils__/accessFixture';
import { outcomeOf, ownedOrdersApi, runAs } from '../__testUtils__/accessRuns';
import { createDeregisterRoutesAction } from './deregisterRoutes';

const { sam, pat, ada, pia, nora } = PEOPLE;
const entityRef = 'component:default/orders-api';
const { notAnAdmin } = REFUSALS;
const notTheOwner = (user: string) => REFUSALS.notTheOwner(user, entityRef);

describe('internal-api:tgw:deregister-routes decides who may remove routes, before any AWS call', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  }, 60_000);
  afterAll(() => sandbox?.stop());

  /** A decommission check of orders-api (owned by orders-team), as `user`. */
  const deregister = (user: string, input: Record<string, unknown>) => {
    const { accountId, region, vpcId } = placementOf(
      sandbox.landscape,
      'orders',
    );
    return runAs(
      sandbox.landscape,
      createDeregisterRoutesAction,
      {
        accountId,
        region,
        vpcId,
        consumers: ['customer-api'],
        decommission: true,
        planOnly: true,
        ...input,
      },
      { user, catalogEntities: [ownedOrdersApi(sandbox.landscape)] },
    );
  };

  it.each([
    [sam, 'runs', { entityRef }],
    [ada, 'runs', { entityRef }],
    [pat, notTheOwner(pat), { entityRef }],
    [pia, notTheOwner(pia), { entityRef }],
    [nora, notTheOwner(nora), { entityRef }],
    [ada, 'runs', { halfCreated: true }],
    [sam, notAnAdmin(sam), { halfCreated: true }],
    [pat, notAnAdmin(pat), { halfCreated: true }],
    [pia, notAnAdmin(pia), { halfCreated: true }],
    [nora, notAnAdmin(nora), { halfCreated: true }],
    [ada, 'runs', { decommission: false }],
    [
      sam,
      `${sam} may not remove routes without naming the API (entityRef), as no owner can be checked: ` +
        `only admins (group:default/platform-admins) may. ${NOTHING_CHANGED}`,
      { decommission: false },
    ],
  ])('%s: %s (%j)', async (user, outcome, input) => {
    expect(await outcomeOf(deregister(user, input), user)).toBe(outcome);
  });
});
