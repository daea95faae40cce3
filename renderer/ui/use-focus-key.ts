// Puts keyboard focus back somewhere sensible after a form closes: the
// element carrying data-focus-key="<key>" inside the container, once the
// next render has put it on the page.
import { useCallback, useEffect, useRef, useState } from 'react';

export function useFocusKey<T extends HTMLElement>() {
  const containerRef = useRef<T>(null);
  const pendingKey = useRef<string | null>(null);
  const [request, setRequest] = useState(0);
  useEffect(() => {
    const key = pendingKey.current;
    if (key === null) return;
    pendingKey.current = null;
    containerRef.current?.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`)?.focus();
  }, [request]);
  const focusKey = useCallback((key: string) => {
    pendingKey.current = key;
    setRequest((count) => count + 1);
  }, []);
  return { containerRef, focusKey };
}
