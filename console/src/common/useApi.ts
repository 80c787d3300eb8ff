import { useCallback, useEffect, useRef, useState } from 'react';

/** Asks again every `everyMs` while what was last read is `while`'s (a job still running). */
export interface Polling<T> {
  everyMs: number;
  while: (data: T) => boolean;
}

/**
 * Loads something from one of the API calls that are not react-admin CRUD (workflows,
 * history, statistics, a job's state), with a reload and the error kept for display; with
 * `poll`, read again until it settles (an error stops it).
 */
export function useApi<T>(
  load: (() => Promise<T>) | null,
  deps: readonly unknown[],
  poll?: Polling<T>,
) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(load !== null);
  const seq = useRef(0);
  const run = useCallback(async () => {
    if (!load) return;
    const mine = ++seq.current;
    setLoading(true);
    try {
      const value = await load();
      if (mine === seq.current) {
        setData(value);
        setError(null);
      }
    } catch (err) {
      if (mine === seq.current) setError(err);
    } finally {
      if (mine === seq.current) setLoading(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  useEffect(() => {
    void run();
  }, [run]);
  const pollRef = useRef(poll);
  pollRef.current = poll;
  useEffect(() => {
    const p = pollRef.current;
    if (!p || data === undefined || !p.while(data)) return;
    const timer = setTimeout(() => void run(), p.everyMs);
    return () => clearTimeout(timer);
  }, [data, run]);
  return { data, error, loading, reload: run, setData };
}
