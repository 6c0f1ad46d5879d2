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
