/**
 * Runs a scaffolder action's handler the way a template step does, minus the
 * task machinery the benchmarks do not measure (workspace, checkpoints,
 * input schema): the input as given, a user, and the outputs collected.
 * Benchmarks pass `planOnly: true`, so no checkpoint is ever asked for.
 */
import type { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { silentLogger } from './measure';

export async function runActionHandler(
  action: TemplateAction<any, any, any>,
  input: Record<string, unknown>,
): Promise<Record<string, any>> {
  const outputs: Record<string, any> = {};
  const ctx = {
    input,
    user: { ref: 'user:default/bench' },
    logger: silentLogger,
    output: (name: string, value: unknown) => {
      outputs[name] = value;
    },
  };
  await action.handler(ctx as unknown as Parameters<typeof action.handler>[0]);
  return outputs;
}
