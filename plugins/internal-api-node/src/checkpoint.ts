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
