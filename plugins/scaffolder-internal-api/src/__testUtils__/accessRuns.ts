import type { Entity } from '@backstage/catalog-model';
import type { TemplateAction } from '@backstage/plugin-scaffolder-node';
import type { Landscape } from '@internal/aws-sandbox';
import { INTERNAL_API_ANNOTATIONS } from '@internal/plugin-internal-api-common';
import { auditRefusals } from '../audit/refusals';
import { AUDIT_EVENT_IDS } from '../audit/taskAudit';
import type { InMemoryApprovals } from './accessFixture';
import { auditEvents } from './auditEvents';
import { countedContext } from './countedContext';
import { ordersApi } from './ordersRoutes';
import { runAction, RunOptions } from './runAction';

export type AccessContext = Omit<ReturnType<typeof countedContext>, 'counter'>;

/**
 * The Orders team's API in the catalog: the Component the template
 * registers, owned by orders-team, with its domain and `consumers`.
 */
export function ownedOrdersApi(
  landscape: Landscape,
  options: { consumers?: string[]; domain?: string } = {},
): Entity {
  const entity = ordersApi(
    landscape,
    'orders-api',
    options.consumers ?? ['customer-api'],
  );
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: {
        ...entity.metadata.annotations,
        [INTERNAL_API_ANNOTATIONS.domain]:
          options.domain ?? 'orders.internal.acme.com',
      },
    },
    spec: { ...entity.spec, owner: 'group:default/orders-team' },
  };
}

/**
 * One action run as the scaffolder runs the module's actions (refusals
 * audited), as `options.user`, its AWS calls counted; the context (with
 * its in-memory approvals) is the test's to inspect.
 */
export function runAs(
  landscape: Landscape,
  create: (context: AccessContext) => TemplateAction<any, any, any>,
  input: Record<string, unknown>,
  options: RunOptions & {
    catalogEntities?: Entity[];
    /** Kept across runs: pass the same to model a retry of one task, or another task of the same people. */
    approvals?: InMemoryApprovals;
  } = {},
) {
  const { counter, ...context } = countedContext(landscape, options);
  if (options.approvals) {
    context.access.approvals = options.approvals;
  }
  const result = runAction(
    auditRefusals(context.auditor, create(context)),
    input,
    options,
  );
  return { result, counter, context };
}

/**
 * Expects the run refused (NotAllowedError unless `name` says otherwise)
 * with zero AWS calls and one refusal audit event naming `initiator`;
 * resolves the message.
 */
export async function refusalOf(
  run: {
    result: Promise<unknown>;
    /** Left out for actions that make no AWS call. */
    counter?: { calls: unknown[] };
    context: Pick<AccessContext, 'auditor'>;
  },
  initiator: string | null,
  name = 'NotAllowedError',
): Promise<string> {
  const error = await run.result.then(
    () => undefined,
    thrown => thrown as Error,
  );
  expect(error?.name).toBe(name);
  expect(run.counter?.calls ?? []).toEqual([]);
  const events = await auditEvents(
    run.context.auditor,
    AUDIT_EVENT_IDS.refusal,
  );
  expect(events).toEqual([
    expect.objectContaining({
      status: 'failed',
      meta: expect.objectContaining({
        initiator,
        refusal: name,
        message: error!.message,
      }),
    }),
  ]);
  return error!.message;
}

/**
 * `runs` when the run succeeds without an AWS write (the tables run checks),
 * else the message of its refusal, checked as {@link refusalOf} checks it.
 */
export async function outcomeOf(
  run: Parameters<typeof refusalOf>[0] & {
    counter?: { writes(): unknown[] };
  },
  initiator: string,
): Promise<string> {
  const succeeded = await run.result.then(
    () => true,
    () => false,
  );
  if (!succeeded) {
    return refusalOf(run, initiator);
  }
  expect(run.counter?.writes() ?? []).toEqual([]);
  return 'runs';
}
