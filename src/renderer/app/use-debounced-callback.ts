import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';

/**
 * A function that runs `fn` once calls have stopped for `delay` ms (a search box that should not ask on
 * every key), and `cancel` to drop a pending call. The latest `fn` is used.
 */
export function useDebouncedCallback<A extends unknown[]>(fn: (...args: A) => void, delay = 300) {
  const fnRef = useRef(fn);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    fnRef.current = fn;
  });
  const cancel = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  }, []);
  // Dropped as the component leaves, in the commit itself: a passive effect's cleanup may run a frame
  // later, and a search typed on one tab would then land on the tab that replaced it (its box empty).
  useLayoutEffect(() => cancel, [cancel]);
  const run = useCallback(
    (...args: A) => {
      cancel();
      timer.current = setTimeout(() => {
        timer.current = null;
        fnRef.current(...args);
      }, delay);
    },
    [cancel, delay],
  );
  return { run, cancel };
}
