/**
 * Runs a scaffolder action's handler the way a template step does, minus the
 * task machinery the benchmarks do not measure (workspace, checkpoints,
 * input schema): the input as given, a user, and the outputs collected.
 * Benchmarks pass `planOnly: true`, so no checkpoint is ever asked for.
 */
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { TemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  type AccessConfig,
  accessOf,
} from '@internal/plugin-internal-api-node';
import { silentLogger } from './measure';

/** The benchmarks' user: a platform admin, so every check passes without a catalog read. */
const BENCH_USER = 'user:default/bench';
const BENCH_ADMINS = 'group:default/platform-admins';

export async function runActionHandler(
  action: TemplateAction<any, any, any>,
  input: Record<string, unknown>,
): Promise<Record<string, any>> {
  const outputs: Record<string, any> = {};
  const ctx = {
    input,
    task: { id: 'bench-task' },
    user: { ref: BENCH_USER },
    getInitiatorCredentials: async () => mockCredentials.user(BENCH_USER),
    logger: silentLogger,
    output: (name: string, value: unknown) => {
      outputs[name] = value;
    },
  };
  await action.handler(ctx as unknown as Parameters<typeof action.handler>[0]);
  return outputs;
}

/**
 * What the actions' access checks need, for the benchmarks' admin user: the
 * checks cost no AWS call, and the benchmarks count AWS calls. `catalog`
 * holds the entities an action reads (e.g. to learn an API's owner).
 */
export function benchAccess(
  config: { access: AccessConfig },
  catalog = catalogServiceMock(),
) {
  return {
    catalog,
    auth: mockServices.auth(),
    access: {
      userAccess: async () =>
        accessOf(
          {
            userEntityRef: BENCH_USER,
            ownershipEntityRefs: [BENCH_USER, BENCH_ADMINS],
          },
          new Map(),
          { ...config.access, admins: [BENCH_ADMINS] },
        ),
      approvals: {
        request: async () => {
          throw new Error('the benchmarks add no consumer that needs approval');
        },
      },
      appBaseUrl: 'http://localhost:3000',
    },
  };
}
