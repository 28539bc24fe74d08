import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';

/**
 * A function that runs `fn` once calls have stopped for `delay` ms (a search box that should not ask on
 * every key), `cancel` to drop a pending call and `flush` to make it now. The latest `fn` is used.
 */
export function useDebouncedCallback<A extends unknown[]>(fn: (...args: A) => void, delay = 300) {
  const fnRef = useRef(fn);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<A | null>(null);
  useEffect(() => {
    fnRef.current = fn;
  });
  const cancel = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    pending.current = null;
  }, []);
  const flush = useCallback(() => {
    const args = pending.current;
    cancel();
    if (args) fnRef.current(...args);
  }, [cancel]);
  // Dropped as the component leaves, in the commit itself: a passive effect's cleanup may run a frame
  // later, and a search typed on one tab would then land on the tab that replaced it (its box empty).
  useLayoutEffect(() => cancel, [cancel]);
  const run = useCallback(
    (...args: A) => {
      cancel();
      pending.current = args;
      timer.current = setTimeout(flush, delay);
    },
    [cancel, flush, delay],
  );
  return { run, cancel, flush };
}
