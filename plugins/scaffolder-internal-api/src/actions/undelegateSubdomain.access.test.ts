import { SANDBOX_ACCOUNTS } from '@internal/aws-sandbox';
import { PEOPLE, REFUSALS } from '../__testUtils__/accessFixture';
import {
  outcomeOf,
  ownedOrdersApi,
  refusalOf,
  runAs,
} from '../__testUtils__/accessRuns';
import { DnsSandbox, startDnsSandbox } from '../__testUtils__/dnsSandbox';
import { createUndelegateSubdomainAction } from './undelegateSubdomain';

const { sam, pat, ada, pia, nora } = PEOPLE;
const DOMAIN = 'orders.internal.acme.com';
const { notAnAdmin } = REFUSALS;
const notTheOwner = (user: string) =>
  REFUSALS.notTheOwner(user, 'component:default/orders-api');

describe('internal-api:dns:undelegate decides who may remove a subdomain, before any AWS call', () => {
  let dnsSandbox: DnsSandbox;
  beforeAll(async () => {
    dnsSandbox = await startDnsSandbox();
  }, 60_000);
  afterAll(() => dnsSandbox?.stop());

  /** A check (planOnly) of undelegating orders-api's domain, as `user`, with or without its entity. */
  const undelegate = (
    user: string,
    claimed: boolean,
    input: Record<string, unknown> = {},
  ) =>
    runAs(
      dnsSandbox.landscape,
      context =>
        createUndelegateSubdomainAction({
          ...context,
          changeWait: { timeoutMs: 5_000, intervalMs: 10 },
        }),
      {
        domainName: DOMAIN,
        accountId: SANDBOX_ACCOUNTS.orders,
        apiName: 'orders-api',
        planOnly: true,
        ...input,
      },
      {
        user,
        catalogEntities: claimed
          ? [ownedOrdersApi(dnsSandbox.landscape, { domain: DOMAIN })]
          : [],
      },
    );

  it.each([
    // The entity that claims the domain decides: its owner, or an admin.
    [sam, true, 'runs'],
    [ada, true, 'runs'],
    [pat, true, notTheOwner(pat)],
    [pia, true, notTheOwner(pia)],
    [nora, true, notTheOwner(nora)],
    // No entity claims it: what is left of a creation that failed half-way, an admin's to clean up.
    [ada, false, 'runs'],
    [sam, false, notAnAdmin(sam)],
    [pat, false, notAnAdmin(pat)],
    [nora, false, notAnAdmin(nora)],
  ])('%s (entity in the catalog: %s): %s', async (user, claimed, outcome) => {
    expect(await outcomeOf(undelegate(user, claimed), user)).toBe(outcome);
  });

  it('removing what a creation that failed half-way left (halfCreated) is an admin’s', async () => {
    const run = undelegate(sam, false, { halfCreated: true, planOnly: false });
    expect(await refusalOf(run, sam)).toBe(notAnAdmin(sam));
  });
});
