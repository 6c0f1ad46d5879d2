/**
 * Like Promise.all for reads sent at once, but it waits for every one and
 * then throws the error of the first that failed in the array's order, not
 * the first to fail in time: the caller sees the failure it saw when the
 * reads ran one after another, whichever answers first.
 */
export async function allInOrder<T extends readonly unknown[]>(reads: {
  [K in keyof T]: Promise<T[K]>;
}): Promise<T> {
  const settled = await Promise.allSettled(reads);
  return settled.map(result => {
    if (result.status === 'rejected') {
      throw result.reason;
    }
    return result.value;
  }) as unknown as T;
}
