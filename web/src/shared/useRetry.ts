import { useEffect, useRef } from 'react';

/**
 * While `failing` is true, calls `retry` every `intervalMs` (for a page whose data could not be
 * loaded because the server was unreachable). Stops as soon as `failing` turns false.
 */
export function useRetryWhile(failing: boolean, retry: () => unknown, intervalMs = 5_000): void {
  const retryRef = useRef(retry);
  useEffect(() => {
    retryRef.current = retry;
  }, [retry]);
  useEffect(() => {
    if (!failing) return;
    const timer = setInterval(() => {
      void Promise.resolve(retryRef.current()).catch(() => undefined);
    }, intervalMs);
    return () => clearInterval(timer);
  }, [failing, intervalMs]);
}
