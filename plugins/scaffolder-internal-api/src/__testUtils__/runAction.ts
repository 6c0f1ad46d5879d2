import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { randomUUID } from 'node:crypto';
import type { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';

export interface RunOptions {
  isDryRun?: boolean;
  /**
   * The task's checkpoint store. Pass the same map to two runs to model the
   * scaffolder retrying one task; a fresh map is a new task.
   */
  checkpoints?: Map<string, unknown>;
  /** Collects the messages the action logs at info level, in order. */
  log?: string[];
  /** The task's workspace, for actions that read or write files; a fresh temporary one by default. */
  workspacePath?: string;
  /** Who started the task: user:default/jane.doe (an admin, see accessFixture.ts) by default. */
  user?: string;
  /** The task's credentials, when not the user's (e.g. a service's); `user` is then unset. */
  credentials?: BackstageCredentials;
  /** Who retries the task, when not `user`: the scaffolder runs a retry with the retrier's credentials. */
  retriedBy?: string;
}

// One task id per checkpoint store: the same store models a retry of one task.
const taskIds = new WeakMap<Map<string, unknown>, string>();

/** Runs an action's handler as the scaffolder would and returns what it output. */
export async function runAction(
  action: TemplateAction<any, any, any>,
  input: Record<string, unknown>,
  options: RunOptions = {},
): Promise<Record<string, any>> {
  const checkpoints = options.checkpoints ?? new Map<string, unknown>();
  if (!taskIds.has(checkpoints)) {
    taskIds.set(checkpoints, randomUUID());
  }
  const outputs: Record<string, any> = {};
  const user = options.credentials
    ? undefined
    : options.user ?? 'user:default/jane.doe';
  const credentials =
    options.credentials ?? mockCredentials.user(options.retriedBy ?? user);
  // createMockActionContext passes on only some fields (not isDryRun, output or checkpoint), so set them after.
  const ctx = {
    ...createMockActionContext({
      input: input as any,
      ...(user && { user: { ref: user } }),
      ...(options.workspacePath && { workspacePath: options.workspacePath }),
    }),
    task: { id: taskIds.get(checkpoints)! },
    getInitiatorCredentials: async () => credentials,
    ...(options.log && { logger: collectingLogger(options.log) }),
    isDryRun: options.isDryRun,
    output: (name: string, value: unknown) => {
      outputs[name] = value;
    },
    checkpoint: async ({
      key,
      fn,
    }: {
      key: string;
      fn: () => Promise<unknown>;
    }) => {
      if (checkpoints.has(key)) {
        return checkpoints.get(key);
      }
      const value = await fn();
      // As the scaffolder stores it (NunjucksWorkflowRunner): JSON in the task's state, and
      // null or undefined as {}. A retry reads that back, not what fn returned.
      checkpoints.set(key, JSON.parse(JSON.stringify(value ?? {})));
      return value;
    },
  };
  await action.handler(ctx as any);
  return outputs;
}

// Only info: what the actions log for the task page.
function collectingLogger(log: string[]) {
  return {
    info: (message: string) => log.push(message),
    warn: () => {},
    error: () => {},
    debug: () => {},
    child() {
      return this;
    },
  };
}
