/** A call with the interval the recording proxy saw it in (AwsRequest has these). */
export interface TimedCall {
  operation: string;
  /** ms since the epoch; calls without both times (never answered) are left out. */
  startedAt?: number;
  endedAt?: number;
}

type Timed<T> = T & { startedAt: number; endedAt: number };

export interface CriticalPath<T extends TimedCall> {
  /** Every answered call (with both times). */
  totalCalls: number;
  /**
   * The longest chain of calls each starting after the one before ended, in
   * order: calls the caller waited for one after another. Every call of it
   * costs a full AWS round trip, whatever the rest run beside it.
   */
  chain: Timed<T>[];
  /** From the first call's start to the last one's end, ms. */
  wallMs: number;
  /** How long at least one call was in flight, ms (overlapping calls counted once). */
  busyMs: number;
}

/**
 * What bounds a run's time on AWS: with each call costing about the same,
 * the more calls must wait for one another, the longer it takes, and calls
 * sent together cost one round trip. The chain is the largest set of
 * non-overlapping intervals, taken greedily by earliest end (the classic
 * interval scheduling answer, optimal for the count).
 */
export function criticalPath<T extends TimedCall>(calls: T[]): CriticalPath<T> {
  const timed = calls.filter(
    (call): call is Timed<T> =>
      call.startedAt !== undefined && call.endedAt !== undefined,
  );
  const byEnd = [...timed].sort(
    (a, b) => a.endedAt - b.endedAt || a.startedAt - b.startedAt,
  );
  const chain: Timed<T>[] = [];
  for (const call of byEnd) {
    const last = chain[chain.length - 1];
    if (!last || call.startedAt >= last.endedAt) {
      chain.push(call);
    }
  }
  const byStart = [...timed].sort((a, b) => a.startedAt - b.startedAt);
  let busyMs = 0;
  let coveredUntil = -Infinity;
  for (const { startedAt, endedAt } of byStart) {
    busyMs += Math.max(0, endedAt - Math.max(startedAt, coveredUntil));
    coveredUntil = Math.max(coveredUntil, endedAt);
  }
  return {
    totalCalls: timed.length,
    chain,
    wallMs:
      timed.length === 0
        ? 0
        : byEnd[byEnd.length - 1].endedAt - byStart[0].startedAt,
    busyMs,
  };
}
