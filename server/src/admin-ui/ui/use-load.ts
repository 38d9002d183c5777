import { useEffect, useState } from 'preact/hooks';

export interface Loaded<T> {
  data: T | null;
  error: Error | null;
  loading: boolean;
  reload(): void;
  /** shows data the caller already has (a write's answer) in place of asking again */
  set(data: T): void;
}

/**
 * Runs `load` whenever `deps` change and keeps only the newest answer (a quick change of site or period must not
 * show an older answer that arrives late).
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: Error | null; loading: boolean }>({ data: null, error: null, loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let stale = false;
    setState((s) => ({ ...s, loading: true, error: null }));
    load().then(
      (data) => !stale && setState({ data, error: null, loading: false }),
      (err: unknown) => !stale && setState({ data: null, error: err instanceof Error ? err : new Error(String(err)), loading: false }),
    );
    return () => {
      stale = true;
    };
  }, [...deps, tick]);
  return { ...state, reload: () => setTick((n) => n + 1), set: (data) => setState({ data, error: null, loading: false }) };
}
