import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { SANDBOX_ACCOUNTS, SANDBOX_GROUPS } from '@internal/aws-sandbox';
import { ConsumerApprovalsClient } from '@internal/plugin-internal-api-node';
import type { Knex } from 'knex';
import { auditEvents } from '../__testUtils__/auditEvents';
import {
  PEOPLE,
  startApprovalsBackend,
} from './__testUtils__/approvalsBackend';

const { sam, pat, ada, cy, newcomer } = PEOPLE;
const ORDERS = SANDBOX_ACCOUNTS.orders;
const API = 'orders.internal.example.com';
const REQUEST_EVENT = 'internal-api-approval-request';
const DECISION_EVENT = 'internal-api-approval-decision';

/** What a task asks: each test uses its own task id, so tests do not share requests. */
const ask = (taskId: string, consumer = 'partner-api') => ({
  taskId,
  consumer,
  accountId: ORDERS,
  api: API,
});

/**
 * The approvals in the plugin in a real backend, asked as the
 * sandbox's people: Sam (orders-team) asks for partner-api (payments-team's,
 * approval required), Pat (payments-team) or Cy (a child team of it) or Ada
 * (admin) decides; the audit events are read from the mock auditor.
 */
// SQLite and a real PostgreSQL 15, as in store.test.ts.
const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
});

describe.each(databases.eachSupportedId())(
  'consumer approvals on %s',
  databaseId => {
    let knex: Knex;
    let approvals: Awaited<ReturnType<typeof startApprovalsBackend>>;
    const call = (...args: Parameters<typeof approvals.call>) =>
      approvals.call(...args);
    const rows = () => knex('internal_api_consumer_approvals');

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      approvals = await startApprovalsBackend(knex);
    });
    afterAll(async () => {
      await approvals?.backend.stop();
    });
    beforeEach(() => {
      (approvals.auditor.createEvent as jest.Mock).mockClear();
    });

    it('records Sam’s request as pending for payments-team; asking again gives the same request', async () => {
      const first = await call(sam, '/approvals', {
        ...ask('task-pending'),
        requestedBy: pat, // ignored: who asks comes from the credentials
      });
      expect(first).toEqual({
        status: 201,
        body: {
          id: expect.any(String),
          taskId: 'task-pending',
          consumer: 'partner-api',
          accountId: ORDERS,
          api: API,
          requestedBy: sam,
          requestedAt: expect.stringMatching(/Z$/),
          approvers: [SANDBOX_GROUPS.payments],
          state: 'pending',
        },
      });
      const again = await call(sam, '/approvals', ask('task-pending'));
      expect(again).toEqual({ status: 200, body: first.body });
      expect(await rows().where({ task_id: 'task-pending' })).toHaveLength(1);

      const meta = {
        initiator: sam,
        requestId: first.body.id,
        taskId: 'task-pending',
        consumer: 'partner-api',
        accountId: ORDERS,
        api: API,
        state: 'pending',
      };
      expect(await auditEvents(approvals.auditor)).toEqual([
        {
          eventId: REQUEST_EVENT,
          severityLevel: 'medium',
          status: 'succeeded',
          meta: { ...meta, created: true },
        },
        {
          eventId: REQUEST_EVENT,
          severityLevel: 'medium',
          status: 'succeeded',
          meta: { ...meta, created: false },
        },
      ]);
    });

    it('refuses, and audits, what needs no approval, may not be asked for or is malformed', async () => {
      const owned = await call(
        sam,
        '/approvals',
        ask('task-x', 'customer-api'),
      );
      expect(owned.status).toBe(400);
      expect(owned.body.error.message).toBe(
        `${sam} may use consumer customer-api: a member of ${SANDBOX_GROUPS.orders}, one of its owners. ` +
          'No approval is needed: the task adds it without one.',
      );
      const unknown = await call(sam, '/approvals', ask('task-x', 'nope-api'));
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.message).toMatch(
        /^Consumer 'nope-api' is not a configured consumer network/,
      );
      // customer-api's config does not say approval: required, so others are refused.
      const refused = await call(
        pat,
        '/approvals',
        ask('task-x', 'customer-api'),
      );
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toMatch(
        new RegExp(
          `^${pat} may not add consumer customer-api: only members of its owners ${SANDBOX_GROUPS.orders}`,
        ),
      );
      const malformed = await call(sam, '/approvals', {
        consumer: 'partner-api',
        accountId: '12',
        api: API,
      });
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.message).toBe(
        'Cannot ask for an approval: taskId is required; accountId: must be a 12-digit AWS account id.',
      );
      expect(await rows().where({ task_id: 'task-x' })).toHaveLength(0);

      const events = await auditEvents(approvals.auditor);
      expect(events.map(e => [e.status, e.meta.initiator, e.error])).toEqual([
        ['failed', sam, owned.body.error.message],
        ['failed', sam, unknown.body.error.message],
        ['failed', pat, refused.body.error.message],
        ['failed', sam, malformed.body.error.message],
      ]);
      expect(events[0].meta).toMatchObject({
        taskId: 'task-x',
        consumer: 'customer-api',
      });
    });

    it('refuses a task id someone else asked with, and another API under the same task (409)', async () => {
      const { body: mine } = await call(sam, '/approvals', ask('task-taken'));
      const theirs = await call(newcomer, '/approvals', ask('task-taken'));
      expect(theirs.status).toBe(409);
      expect(theirs.body.error.message).toBe(
        `Task task-taken already asked to add consumer partner-api, as ${sam}: a task id is not yours to reuse; start your own task.`,
      );
      const otherApi = await call(sam, '/approvals', {
        ...ask('task-taken'),
        api: 'billing.internal.example.com',
      });
      expect(otherApi.status).toBe(409);
      expect(otherApi.body.error.message).toBe(
        `Task task-taken already asked to add consumer partner-api for ${API} in account ${ORDERS} (request ${mine.id}); ` +
          `that approval does not cover billing.internal.example.com in account ${ORDERS}. Start a new task for that API.`,
      );
    });

    it('gives two concurrent asks of one task and consumer one request and one row', async () => {
      const answers = await Promise.all([
        call(sam, '/approvals', ask('task-race')),
        call(sam, '/approvals', ask('task-race')),
      ]);
      expect(answers.map(a => a.status).sort()).toEqual([200, 201]);
      expect(answers[0].body.id).toBe(answers[1].body.id);
      expect(await rows().where({ task_id: 'task-race' })).toHaveLength(1);
    });

    it('lists a pending request for payments-team’s members (child teams too) and admins, and as Sam’s own', async () => {
      const { body: request } = await call(sam, '/approvals', ask('task-list'));
      const ids = (list: Array<{ id: string }>) => list.map(r => r.id);
      for (const decider of [pat, cy, ada]) {
        const { status, body } = await call(decider, '/approvals');
        expect(status).toBe(200);
        expect(ids(body.toDecide)).toContain(request.id);
        expect(body.requestedByMe).toEqual([]);
      }
      const own = await call(sam, '/approvals');
      expect(own.body.toDecide).toEqual([]);
      expect(own.body.requestedByMe[0]).toEqual(request); // newest first
      await expect(call(newcomer, '/approvals')).resolves.toEqual({
        status: 200,
        body: { toDecide: [], requestedByMe: [] },
      });
    });

    it('shows one request to its requester, its deciders and admins only', async () => {
      const { body: request } = await call(sam, '/approvals', ask('task-show'));
      for (const user of [sam, pat, cy, ada]) {
        await expect(call(user, `/approvals/${request.id}`)).resolves.toEqual({
          status: 200,
          body: request,
        });
      }
      const stranger = await call(newcomer, `/approvals/${request.id}`);
      expect(stranger.status).toBe(403);
      expect(stranger.body.error.message).toMatch(
        /only its requester, the owners of consumer partner-api and admins may\.$/,
      );
      const missing = await call(pat, '/approvals/no-such-id');
      expect(missing.status).toBe(404);
      expect(missing.body.error.message).toBe(
        "There is no approval request no-such-id; check the link (the task's log gives it).",
      );
    });

    it('lets an owner decide once: not the requester, not someone in no team; a second decision is a 409', async () => {
      const { body: request } = await call(
        sam,
        '/approvals',
        ask('task-decide'),
      );
      const decide = (user: string, body: object) =>
        call(user, `/approvals/${request.id}/decision`, body);

      const own = await decide(sam, { decision: 'approve' });
      expect(own.status).toBe(403);
      expect(own.body.error.message).toBe(
        `${sam} may not decide their own request to add consumer partner-api for ${API} in account ${ORDERS} ` +
          `(request ${request.id}): members of its owners (${SANDBOX_GROUPS.payments}) and admins ` +
          `(${SANDBOX_GROUPS.platformAdmins}) decide it; ask one of them.`,
      );
      const stranger = await decide(newcomer, { decision: 'approve' });
      expect(stranger.status).toBe(403);
      expect(stranger.body.error.message).toMatch(
        /: only members of its owners \(group:default\/payments-team\) and admins \(group:default\/platform-admins\) may; ask one of them/,
      );
      const invalid = await decide(pat, { decision: 'maybe' });
      expect(invalid.status).toBe(400);
      expect(invalid.body.error.message).toBe(
        "Cannot decide the request: decision: Invalid enum value. Expected 'approve' | 'reject', received 'maybe'.",
      );

      const approved = await decide(pat, {
        decision: 'approve',
        comment: 'ok',
      });
      expect(approved).toEqual({
        status: 200,
        body: {
          ...request,
          state: 'approved',
          decidedBy: pat,
          decidedAt: expect.stringMatching(/Z$/),
          comment: 'ok',
        },
      });
      const again = await decide(ada, { decision: 'reject' });
      expect(again.status).toBe(409);
      expect(again.body.error.message).toBe(
        `The request to add consumer partner-api for ${API} in account ${ORDERS} (request ${request.id}) ` +
          `was already approved by ${pat} at ${approved.body.decidedAt}; a decision is final. ` +
          'The requester retries the task to go on.',
      );

      const requestMeta = {
        requestId: request.id,
        taskId: 'task-decide',
        consumer: 'partner-api',
        accountId: ORDERS,
        api: API,
      };
      const decisions = (await auditEvents(approvals.auditor)).filter(
        e => e.eventId === DECISION_EVENT,
      );
      expect(decisions.map(e => [e.status, e.meta])).toEqual([
        ['failed', { initiator: sam, decision: 'approve', ...requestMeta }],
        [
          'failed',
          { initiator: newcomer, decision: 'approve', ...requestMeta },
        ],
        [
          'failed',
          { initiator: pat, decision: 'maybe', requestId: request.id },
        ],
        ['succeeded', { initiator: pat, decision: 'approved', ...requestMeta }],
        ['failed', { initiator: ada, decision: 'reject', ...requestMeta }],
      ]);
    });

    it('lets an admin decide; the task’s retry, asking on behalf of Sam, finds the decision', async () => {
      const { body: request } = await call(
        sam,
        '/approvals',
        ask('task-admin'),
      );
      const rejected = await call(ada, `/approvals/${request.id}/decision`, {
        decision: 'reject',
      });
      expect(rejected.body).toMatchObject({
        state: 'rejected',
        decidedBy: ada,
      });
      expect(rejected.body.comment).toBeUndefined();

      // As the scaffolder module asks: a token for Sam with the scaffolder as actor.
      const client = new ConsumerApprovalsClient({
        discovery: { getBaseUrl: async () => approvals.baseUrl },
        auth: {
          getPluginRequestToken: async () => ({
            token: mockCredentials.user.token(sam, {
              actor: { subject: 'plugin:scaffolder' },
            }),
          }),
        },
      });
      await expect(
        client.request(ask('task-admin'), {
          credentials: mockCredentials.user(sam),
        }),
      ).resolves.toEqual(rejected.body);
    });
  },
);
