import type { JsonValue } from '@backstage/types';

/**
 * `ctx.checkpoint` of a scaffolder task: runs `fn` once per task and returns
 * the stored result when the task is retried, so a write is never made twice.
 */
export type Checkpoint = <T extends JsonValue>(
  key: string,
  fn: () => Promise<T>,
) => Promise<T>;

/** One write a plan will make: which of its changes, under which checkpoint. */
export type PlannedWrite = {
  /** Index into the plan's `changes`. */
  change: number;
  /** Names what is written, so a retried task finds its earlier result. */
  checkpointKey: string;
};

/**
 * What a capability's read-only `plan` returns: plain JSON data, so a dry-run
 * can print it and a task can store it. `changes` are the rows a template
 * outputs (status `planned` where a write is due); `writes` are what `apply`
 * does, in order.
 */
export type Plan<TChange, TWrite extends PlannedWrite> = {
  changes: TChange[];
  writes: TWrite[];
};

/** The plan's changes with the written ones' status replaced by what their write reported. */
export function changesAfter<TChange extends { status: string }>(
  changes: TChange[],
  written: Map<number, TChange['status']>,
): TChange[] {
  return changes.map((change, index) =>
    written.has(index) ? { ...change, status: written.get(index)! } : change,
  );
}

/**
 * The error of a failed write, with what the task had created before it
 * appended, a line each (the task page's log cuts long lines; its error panel
 * shows the lines as a list): a failed scaffolder step has no output, so its
 * error is the only place a reader learns what the step left behind.
 */
export function withCreatedBefore<TChange extends { status: string }>(
  error: unknown,
  changes: TChange[],
  written: Map<number, TChange['status']>,
  say: {
    /** Names one created change. */
    describe: (change: TChange) => string;
    /** Introduces the list, e.g. "Routes created before this failure". */
    created: string;
    /** When nothing was created. */
    nothing: string;
    /** The status a write leaves its change in; default `created` (`removed` for a removal). */
    status?: TChange['status'];
  },
): Error {
  const failure = error as Error;
  const created = changesAfter(changes, written).filter(
    change => change.status === (say.status ?? 'created'),
  );
  const before = failure.message;
  failure.message = [
    failure.message.replace(/\.?$/, '.'),
    ...(created.length > 0
      ? [
          `${say.created}:`,
          ...created.map(change => `- ${say.describe(change)}`),
        ]
      : [say.nothing]),
  ].join('\n');
  // The step's log shows the stack, whose first line is the message as it was when the stack was
  // first read (the SDK reads it): the log must name what was created too. A stack never read
  // before is formatted now, with the new message already in it.
  if (
    before &&
    typeof failure.stack === 'string' &&
    !failure.stack.includes(failure.message)
  ) {
    failure.stack = failure.stack.replace(before, failure.message);
  }
  return failure;
}

/**
 * Makes independent writes at once, each under its own checkpoint, and
 * waits for every one: the results of those that succeeded by change index,
 * and the error of the first that failed in plan order.
 *
 * The scaffolder's `ctx.checkpoint` (NunjucksWorkflowRunner in
 * plugin-scaffolder-backend) runs `fn`, then `task.updateCheckpoint`, which
 * sets the key in the task's state in memory and saves the whole state
 * (StorageTaskBroker: `storage.saveTaskState`, one UPDATE of tasks.state
 * with a snapshot), then serializes the workspace. Two saves in flight at once
 * go out on different database connections, so an older snapshot can land
 * last and drop a newer checkpoint's result: the write would be made again
 * on a recovery. So only the writes overlap; each checkpoint's bookkeeping
 * waits until every earlier one's is done, one at a time in plan order.
 */
export async function writeAtOnce<
  TWrite extends PlannedWrite,
  TResult extends JsonValue,
>(
  writes: TWrite[],
  checkpoint: Checkpoint,
  write: (planned: TWrite) => Promise<TResult>,
): Promise<{ written: Map<number, TResult>; failure?: unknown }> {
  let earlier: Promise<unknown> = Promise.resolve();
  const outcomes = writes.map(planned => {
    const before = earlier;
    const outcome = checkpoint(planned.checkpointKey, async () => {
      try {
        return await write(planned);
      } finally {
        // The checkpoint records this result once fn returns: not before the earlier ones are recorded.
        await before;
      }
    });
    earlier = Promise.allSettled([before, outcome]);
    return outcome;
  });
  const settled = await Promise.allSettled(outcomes);
  const written = new Map<number, TResult>();
  settled.forEach((result, index) => {
    if (result.status === 'fulfilled') {
      written.set(writes[index].change, result.value);
    }
  });
  const failed = settled.find(result => result.status === 'rejected');
  return {
    written,
    ...(failed && { failure: (failed as PromiseRejectedResult).reason }),
  };
}
