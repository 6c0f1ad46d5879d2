import { randomUUID } from 'node:crypto';
import type { DatabaseService } from '@backstage/backend-plugin-api';
import type {
  ConsumerApprovalAsk,
  ConsumerApprovalRequest,
  ConsumerApprovalState,
} from '@internal/plugin-internal-api-common';
import type { Knex } from 'knex';

const TABLE = 'internal_api_consumer_approvals';
/** Our own, so knex's default `knex_migrations` never mixes with another plugin's sharing the database. */
const MIGRATIONS_TABLE = 'internal_api_approvals_knex_migrations';

// Migrations live in code (no files to ship with the package); knex runs
// them in the order listed here, each once, recorded in MIGRATIONS_TABLE.
// Portable schema only: SQLite in tests and the sandbox, PostgreSQL in production.
const MIGRATIONS: Record<string, Knex.Migration> = {
  '20261126_01_consumer_approvals': {
    async up(knex) {
      await knex.schema.createTable(TABLE, table => {
        table.string('id', 36).primary();
        table.string('task_id', 255).notNullable();
        table.string('consumer', 255).notNullable();
        table.string('account_id', 32).notNullable();
        table.string('api', 255).notNullable();
        table.string('requested_by', 255).notNullable();
        table.timestamp('requested_at', { useTz: true }).notNullable();
        // A JSON array of group refs: read back whole, never queried.
        table.text('approvers').notNullable();
        table.string('state', 16).notNullable();
        table.string('decided_by', 255).nullable();
        table.timestamp('decided_at', { useTz: true }).nullable();
        table.text('comment').nullable();
        // One request per task and consumer: a retried task finds its own.
        table.unique(['task_id', 'consumer']);
        table.index(['state', 'consumer']);
        table.index(['requested_by']);
      });
    },
    async down(knex) {
      await knex.schema.dropTable(TABLE);
    },
  },
};

const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(MIGRATIONS),
  getMigrationName: name => name,
  getMigration: async name => MIGRATIONS[name],
};

type Row = {
  id: string;
  task_id: string;
  consumer: string;
  account_id: string;
  api: string;
  requested_by: string;
  requested_at: Date | string | number;
  approvers: string;
  state: string;
  decided_by: string | null;
  decided_at: Date | string | number | null;
  comment: string | null;
};

// PostgreSQL gives timestamps back as Dates; knex stores a Date in SQLite as
// epoch milliseconds. Both become the ISO strings of the wire type.
function isoOf(value: Date | string | number): string {
  return new Date(value).toISOString();
}

function requestOf(row: Row): ConsumerApprovalRequest {
  return {
    id: row.id,
    taskId: row.task_id,
    consumer: row.consumer,
    accountId: row.account_id,
    api: row.api,
    requestedBy: row.requested_by,
    requestedAt: isoOf(row.requested_at),
    approvers: JSON.parse(row.approvers),
    state: row.state as ConsumerApprovalState,
    ...(row.decided_by && { decidedBy: row.decided_by }),
    ...(row.decided_at && { decidedAt: isoOf(row.decided_at) }),
    ...(row.comment && { comment: row.comment }),
  };
}

/** How many requests a list gives at most: more than anyone decides at once. */
export const APPROVALS_LIST_LIMIT = 100;

/** The consumer approvals in the plugin's database. Holds nothing in memory. */
export type ApprovalStore = Awaited<ReturnType<typeof createApprovalStore>>;

/** Migrates the table (unless the database service says to skip) and returns the store over it. */
export async function createApprovalStore(
  database: Pick<DatabaseService, 'getClient' | 'migrations'>,
  now: () => Date = () => new Date(),
) {
  const knex = await database.getClient();
  if (!database.migrations?.skip) {
    await knex.migrate.latest({
      migrationSource,
      tableName: MIGRATIONS_TABLE,
    });
  }

  const byId = async (id: string) => {
    const row = await knex<Row>(TABLE).where({ id }).first();
    return row && requestOf(row);
  };

  return {
    /**
     * The request of this task for this consumer: the one recorded, or a new
     * pending one. Safe when two run at once: the unique key lets one insert
     * win and both read that row (`created` only for the winner). The caller
     * compares the stored requester and API with its own.
     */
    async findOrCreate(
      ask: ConsumerApprovalAsk & { requestedBy: string; approvers: string[] },
    ): Promise<{ request: ConsumerApprovalRequest; created: boolean }> {
      const id = randomUUID();
      await knex<Row>(TABLE)
        .insert({
          id,
          task_id: ask.taskId,
          consumer: ask.consumer,
          account_id: ask.accountId,
          api: ask.api,
          requested_by: ask.requestedBy,
          requested_at: now(),
          approvers: JSON.stringify(ask.approvers),
          state: 'pending',
        })
        .onConflict(['task_id', 'consumer'])
        .ignore();
      const row = await knex<Row>(TABLE)
        .where({ task_id: ask.taskId, consumer: ask.consumer })
        .first();
      return { request: requestOf(row!), created: row!.id === id };
    },

    byId,

    /** Pending requests, newest first: all of them, or those for `consumers` only. */
    async pending(consumers: readonly string[] | 'all') {
      const query = knex<Row>(TABLE).where({ state: 'pending' });
      if (consumers !== 'all') {
        query.whereIn('consumer', [...consumers]);
      }
      const rows = await query
        .orderBy('requested_at', 'desc')
        .limit(APPROVALS_LIST_LIMIT);
      return rows.map(requestOf);
    },

    /** What a user asked for, newest first, whatever its state. */
    async requestedBy(userEntityRef: string) {
      const rows = await knex<Row>(TABLE)
        .where({ requested_by: userEntityRef })
        .orderBy('requested_at', 'desc')
        .limit(APPROVALS_LIST_LIMIT);
      return rows.map(requestOf);
    },

    /**
     * Decides a pending request. Only the update that finds it still pending
     * counts, so of two deciders at once exactly one wins; `won: false`
     * gives the request as the winner left it.
     */
    async decide(
      id: string,
      decision: {
        state: Exclude<ConsumerApprovalState, 'pending'>;
        decidedBy: string;
        comment?: string;
      },
    ): Promise<{ won: boolean; request: ConsumerApprovalRequest }> {
      const updated = await knex<Row>(TABLE)
        .where({ id, state: 'pending' })
        .update({
          state: decision.state,
          decided_by: decision.decidedBy,
          decided_at: now(),
          comment: decision.comment ?? null,
        });
      // Requests are never deleted, so the row is still there.
      return { won: updated === 1, request: (await byId(id))! };
    },
  };
}
