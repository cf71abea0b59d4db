import { useEffect, useState } from 'react';

/**
 * A form's values kept in sessionStorage while it is being filled in, so a reload, an error or a
 * conflict never loses what someone wrote. sessionStorage, not localStorage: the text is about a
 * child, and a shared school computer should forget it when the tab is closed.
 */
export function useDraft<T>(key: string, initial: T): [T, (next: T | ((prev: T) => T)) => void, () => void] {
  const storageKey = `trygg-utkast:${key}`;
  const [value, setValue] = useState<T>(() => {
    try {
      const saved = sessionStorage.getItem(storageKey);
      return saved ? ({ ...initial, ...JSON.parse(saved) } as T) : initial;
    } catch {
      return initial;
    }
  });
  useEffect(() => {
    try {
      sessionStorage.setItem(storageKey, JSON.stringify(value));
    } catch {
      // Storage full or refused: the form still works, only without the copy.
    }
  }, [storageKey, value]);
  const clear = () => sessionStorage.removeItem(storageKey);
  return [value, setValue, clear];
}
