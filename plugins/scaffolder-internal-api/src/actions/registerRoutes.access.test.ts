import { mockCredentials } from '@backstage/backend-test-utils';
import {
  placementOf,
  Sandbox,
  SANDBOX_ACCOUNTS,
  startSandbox,
} from '@internal/aws-sandbox';
import {
  InMemoryApprovals,
  NOTHING_CHANGED,
  PEOPLE,
  REFUSALS,
} from '../__testUtils__/accessFixture';
import {
  outcomeOf,
  ownedOrdersApi,
  refusalOf,
  runAs,
} from '../__testUtils__/accessRuns';
import type { RunOptions } from '../__testUtils__/runAction';
import { createRegisterRoutesAction } from './registerRoutes';

const { sam, pat, ada, pia, nora } = PEOPLE;
const DOMAIN = 'orders.internal.acme.com';
const LINK = 'http://localhost:3000/internal-api/approvals/approval-1';
const NOTHING = NOTHING_CHANGED;
const notAnOwner = (user: string) =>
  `${user} may not add consumer customer-api: only members of its owners group:default/orders-team (or of their child groups) ` +
  'and admins (group:default/platform-admins) may; ask an owner to add you to one of those groups in the catalog.';
const pending = (link = LINK) =>
  `Adding consumer partner-api needs the approval of a member of group:default/payments-team. Ask one of them to approve it at ${link}; ` +
  `once approved, press Retry on this task's page and it goes on from here.\n${NOTHING}`;

describe('internal-api:tgw:register-routes decides who may add which consumer, before any AWS call', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  }, 60_000);
  afterAll(() => sandbox?.stop());

  /** register-routes for the Orders placement, as `user`; planOnly unless the input says otherwise. */
  const register = (
    input: Record<string, unknown>,
    options: RunOptions & {
      approvals?: InMemoryApprovals;
      withEntity?: string[];
    } = {},
  ) =>
    runAs(
      sandbox.landscape,
      createRegisterRoutesAction,
      {
        ...placementOf(sandbox.landscape, 'orders'),
        planOnly: true,
        domainName: DOMAIN,
        ...input,
      },
      {
        ...options,
        catalogEntities: options.withEntity && [
          ownedOrdersApi(sandbox.landscape, { consumers: options.withEntity }),
        ],
      },
    );

  const refused = (user: string) => `${notAnOwner(user)}\n${NOTHING}`;
  it.each([
    [sam, 'customer-api', 'runs'],
    [ada, 'customer-api', 'runs'],
    [pat, 'customer-api', refused(pat)],
    [pia, 'customer-api', refused(pia)],
    [nora, 'customer-api', refused(nora)],
    [pat, 'partner-api', 'runs'],
    [pia, 'partner-api', 'runs'],
    [ada, 'partner-api', 'runs'],
    [sam, 'partner-api', pending()],
    [nora, 'partner-api', pending()],
  ])('%s adding %s: %s', async (user, consumer, outcome) => {
    const run = register({ consumers: [consumer] }, { user });
    expect(await outcomeOf(run, user)).toBe(outcome);
    // One request exactly when the task waits for one; none otherwise.
    expect(run.context.access.approvals.asked).toHaveLength(
      outcome === pending() ? 1 : 0,
    );
  });

  it('a task started by a service, not a person, is refused', async () => {
    const run = register(
      { consumers: ['customer-api'] },
      { credentials: mockCredentials.service() },
    );
    expect(await refusalOf(run, null)).toBe(
      'Adding consumers is decided for the person who started the task, and this task was started by a service principal, ' +
        `not a signed-in user: start it from the app while signed in. ${NOTHING}`,
    );
  });

  it('a dry run asks nobody for an approval, and runs', async () => {
    const run = register(
      { consumers: ['partner-api'], planOnly: false },
      { user: sam, isDryRun: true },
    );
    await expect(run.result).resolves.toMatchObject({
      routes: expect.any(Array),
    });
    expect(run.context.access.approvals.asked).toEqual([]);
  });

  it('an approval someone else asked for in the same task does not count', async () => {
    const approvals = new InMemoryApprovals();
    const checkpoints = new Map<string, unknown>();
    await refusalOf(
      register(
        { consumers: ['partner-api'] },
        { user: nora, approvals, checkpoints },
      ),
      nora,
    );
    approvals.decide('partner-api', 'approved', pat);

    const run = register(
      { consumers: ['partner-api'] },
      { user: sam, approvals, checkpoints },
    );
    expect(await refusalOf(run, sam)).toBe(
      `Adding consumer partner-api: the approval at ${LINK} was asked for by ${nora}, not by ${sam} who started this task, ` +
        `so it does not count; start a new task to ask for your own.\n${NOTHING}`,
    );
  });

  it('an approval for another API does not count for this one', async () => {
    const approvals = new InMemoryApprovals();
    const checkpoints = new Map<string, unknown>();
    const ask = (domainName: string) =>
      register(
        { consumers: ['partner-api'], domainName },
        { user: sam, approvals, checkpoints },
      );
    await refusalOf(ask(DOMAIN), sam);
    approvals.decide('partner-api', 'approved', pat);

    expect(await refusalOf(ask('billing.internal.acme.com'), sam)).toBe(
      `Adding consumer partner-api: the approval at ${LINK} is for ${DOMAIN} in account ${SANDBOX_ACCOUNTS.orders}, ` +
        `not billing.internal.acme.com in account ${SANDBOX_ACCOUNTS.orders}; start a new task to ask for this one.\n${NOTHING}`,
    );
  });

  it('a rejection refuses, naming who rejected it and why', async () => {
    const approvals = new InMemoryApprovals();
    const checkpoints = new Map<string, unknown>();
    await refusalOf(
      register(
        { consumers: ['partner-api'] },
        { user: sam, approvals, checkpoints },
      ),
      sam,
    );
    approvals.decide(
      'partner-api',
      'rejected',
      pat,
      'partner-api is for partners only',
    );

    const retry = register(
      { consumers: ['partner-api'] },
      { user: sam, approvals, checkpoints },
    );
    expect(await refusalOf(retry, sam)).toBe(
      `Adding consumer partner-api was rejected by ${pat} at 2026-11-26T11:00:00.000Z, saying: "partner-api is for partners only" ` +
        `(${LINK}). Talk to them, then start a new task to ask again.\n${NOTHING}`,
    );
    expect(approvals.requests.size).toBe(1);
  });

  describe('on an API in the catalog (day 2, entityRef)', () => {
    const entityRef = 'component:default/orders-api';

    it('consumers its entity already lists need nothing; a new one asks, naming the API by its domain', async () => {
      const listed = register(
        {
          consumers: ['customer-api', 'partner-api'],
          entityRef,
          domainName: undefined,
        },
        { user: sam, withEntity: ['customer-api', 'partner-api'] },
      );
      await expect(listed.result).resolves.toMatchObject({
        routes: expect.any(Array),
      });
      expect(listed.context.access.approvals.asked).toEqual([]);

      const added = register(
        {
          consumers: ['customer-api', 'partner-api'],
          entityRef,
          domainName: undefined,
        },
        { user: sam, withEntity: ['customer-api'] },
      );
      expect(await refusalOf(added, sam)).toBe(pending());
      expect(added.context.access.approvals.asked).toEqual([
        expect.objectContaining({ consumer: 'partner-api', api: DOMAIN }),
      ]);
    });

    it('only its owner or an admin may change it', async () => {
      const run = register(
        { consumers: ['partner-api'], entityRef },
        { user: pat, withEntity: ['customer-api'] },
      );
      expect(await refusalOf(run, pat)).toBe(
        REFUSALS.notTheOwner(pat, entityRef),
      );
    });
  });

  it('waits for the approval, then, retried once approved, writes the routes', async () => {
    const approvals = new InMemoryApprovals();
    const checkpoints = new Map<string, unknown>();
    const check = register(
      { consumers: ['partner-api'] },
      { user: sam, approvals, checkpoints },
    );
    expect(await refusalOf(check, sam)).toBe(pending());
    approvals.decide('partner-api', 'approved', pat);

    const log: string[] = [];
    const retry = register(
      { consumers: ['partner-api'], planOnly: false },
      { user: sam, approvals, checkpoints, log },
    );
    const { routes } = await retry.result;
    expect(retry.counter.writes().length).toBeGreaterThan(0);
    expect(
      routes.filter((r: { status: string }) => r.status === 'created'),
    ).not.toEqual([]);
    expect(log[0]).toBe(
      `Adding consumer partner-api was approved by ${pat} at 2026-11-26T11:00:00.000Z: ${LINK}`,
    );
    expect([...approvals.requests.values()]).toEqual([
      expect.objectContaining({
        taskId: expect.any(String),
        consumer: 'partner-api',
        accountId: SANDBOX_ACCOUNTS.orders,
        api: DOMAIN,
        requestedBy: sam,
        state: 'approved',
      }),
    ]);
  });
});
