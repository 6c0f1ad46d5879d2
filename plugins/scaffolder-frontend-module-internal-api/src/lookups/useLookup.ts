import { useEffect, useState } from 'react';

export interface Lookup<T> {
  value?: T;
  error?: Error;
  loading: boolean;
}

/**
 * Runs `fn` when `key` changes (after `delayMs`, so typing does not call the
 * backend on every key) and keeps only the answer to the latest key.
 * An undefined key means "nothing to look up yet".
 */
export function useLookup<T>(
  key: string | undefined,
  fn: () => Promise<T>,
  delayMs = 0,
): Lookup<T> {
  const [state, setState] = useState<Lookup<T>>({ loading: key !== undefined });
  useEffect(() => {
    if (key === undefined) {
      setState({ loading: false });
      return undefined;
    }
    let current = true;
    setState(previous => ({ ...previous, loading: true }));
    const timer = setTimeout(() => {
      fn().then(
        value => current && setState({ value, loading: false }),
        error => current && setState({ error, loading: false }),
      );
    }, delayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // fn is rebuilt on every render; the key says when the question changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, delayMs]);
  return state;
}
