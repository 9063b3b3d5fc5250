import { useCallback, useState } from 'react';

/**
 * A boolean preference kept in localStorage. Storage that is blocked or full costs only
 * persistence: the value still works until the page closes.
 */
export function useStoredFlag(key: string, initial: boolean): [boolean, (value: boolean) => void] {
  const [value, setValue] = useState<boolean>(() => {
    try {
      const stored = window.localStorage.getItem(key);
      return stored === null ? initial : stored === 'true';
    } catch {
      return initial;
    }
  });
  const update = useCallback(
    (next: boolean) => {
      setValue(next);
      try {
        window.localStorage.setItem(key, String(next));
      } catch {
        // see above
      }
    },
    [key],
  );
  return [value, update];
}
