import { useEffect, useRef, useState, type DependencyList } from 'react';

/**
 * A quick answer shows no spinner: the spinner comes only once an answer has taken this long. Showing it at once
 * made every page change draw the whole table twice (spinner on, rows in): about a fifth of a 人员库 filter change
 * over 100,000 people in Chromium. Under this delay the eye sees no difference.
 */
export const SPINNER_DELAY_MS = 250;

/**
 * One page of a server-paged list: asks again whenever `deps` change, keeps only the newest answer (a slow answer
 * to an older query never overwrites a newer one), and reports a failure through `onError`.
 */
export function useRemotePage<T>(
  load: () => Promise<T>,
  deps: DependencyList,
  empty: T,
  onError: (err: unknown) => void,
  /** The answer the page was first drawn with (useFirstAnswer): it is not asked for again. */
  first?: T,
): { data: T; loading: boolean } {
  const [data, setData] = useState<T>(first ?? empty);
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);
  const hasFirst = useRef(first !== undefined);

  useEffect(() => {
    const ticket = ++latest.current;
    if (hasFirst.current) {
      hasFirst.current = false;
      return;
    }
    const spinner = window.setTimeout(() => ticket === latest.current && setLoading(true), SPINNER_DELAY_MS);
    load()
      .then((result) => {
        if (ticket === latest.current) setData(result);
      })
      .catch(onError)
      .finally(() => {
        window.clearTimeout(spinner);
        if (ticket === latest.current) setLoading(false);
      });
    // `load` is a fresh closure each render; what it asks for is exactly what `deps` name.
  }, [...deps, onError]);

  return { data, loading };
}
