import { TestDatabases } from '@backstage/backend-test-utils';
import { createApprovalStore } from './store';

// SQLite (the sandbox's) and PostgreSQL 15 (production's): the package's jest global setup starts
// a real server (src/__testUtils__/postgres.globalSetup.ts), so no test needs Docker.
const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
});

const ask = {
  taskId: 'task-1',
  consumer: 'partner-api',
  accountId: '444455556666',
  api: 'orders.internal.example.com',
  requestedBy: 'user:default/sam',
  approvers: ['group:default/payments-team'],
};

describe.each(databases.eachSupportedId())(
  'the approval store on %s',
  databaseId => {
    async function storeWithClock(start = Date.parse('2026-11-26T10:00:00Z')) {
      const knex = await databases.init(databaseId);
      let clock = start;
      const store = await createApprovalStore(
        { getClient: async () => knex },
        () => new Date((clock += 1000)),
      );
      return { knex, store };
    }

    it('migrates once: a second start finds the table as it is', async () => {
      const { knex, store } = await storeWithClock();
      await store.findOrCreate(ask);
      await createApprovalStore({ getClient: async () => knex });
      expect(await knex('internal_api_consumer_approvals')).toHaveLength(1);
      expect(await knex.schema.hasTable('knex_migrations')).toBe(false);
    });

    it('records one pending request, with ISO times and the approvers', async () => {
      const { store } = await storeWithClock();
      const { request, created } = await store.findOrCreate(ask);
      expect(created).toBe(true);
      expect(request).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        taskId: 'task-1',
        consumer: 'partner-api',
        accountId: '444455556666',
        api: 'orders.internal.example.com',
        requestedBy: 'user:default/sam',
        requestedAt: '2026-11-26T10:00:01.000Z',
        approvers: ['group:default/payments-team'],
        state: 'pending',
      });
      await expect(store.findOrCreate(ask)).resolves.toEqual({
        request,
        created: false,
      });
    });

    it('gives two concurrent creations one row, created by exactly one', async () => {
      const { knex, store } = await storeWithClock();
      const results = await Promise.all(
        Array.from({ length: 5 }, () => store.findOrCreate(ask)),
      );
      expect(new Set(results.map(r => r.request.id)).size).toBe(1);
      expect(results.filter(r => r.created)).toHaveLength(1);
      const rows = await knex('internal_api_consumer_approvals').select('id');
      expect(rows).toHaveLength(1);
    });

    it('lets exactly one of two concurrent deciders win', async () => {
      const { store } = await storeWithClock();
      const { request } = await store.findOrCreate(ask);
      const [first, second] = await Promise.all([
        store.decide(request.id, {
          state: 'approved',
          decidedBy: 'user:default/pat',
          comment: 'fine',
        }),
        store.decide(request.id, {
          state: 'rejected',
          decidedBy: 'user:default/ada',
        }),
      ]);
      expect([first.won, second.won].sort()).toEqual([false, true]);
      const winner = first.won ? first.request : second.request;
      expect(first.request).toEqual(winner);
      expect(second.request).toEqual(winner);
      expect(winner.decidedAt).toMatch(/^2026-11-26T10:00:0\d\.000Z$/);
    });

    it('lists pending requests by consumer and a requester’s own, newest first', async () => {
      const { store } = await storeWithClock();
      const a = (await store.findOrCreate(ask)).request;
      const b = (await store.findOrCreate({ ...ask, taskId: 'task-2' }))
        .request;
      const c = (
        await store.findOrCreate({
          ...ask,
          taskId: 'task-3',
          consumer: 'other-api',
          requestedBy: 'user:default/pat',
        })
      ).request;
      await store.decide(a.id, {
        state: 'rejected',
        decidedBy: 'user:default/pat',
      });

      expect((await store.pending(['partner-api'])).map(r => r.id)).toEqual([
        b.id,
      ]);
      expect((await store.pending('all')).map(r => r.id)).toEqual([c.id, b.id]);
      expect(
        (await store.requestedBy('user:default/sam')).map(r => r.id),
      ).toEqual([b.id, a.id]);
    });
  },
);
