// Herald's idea of now (main's clock, which tests can move), read again every
// `refreshMs` (half a minute by default: enough for "in 5 min" and "today")
// and on clock changes.
import { useEffect, useState } from 'react';
import { herald } from '../../api/herald.ts';

const DEFAULT_REFRESH_MS = 30_000;

export function useHeraldNow(refreshMs = DEFAULT_REFRESH_MS): number {
  const [nowMs, setNowMs] = useState(() => Date.now());
  useEffect(() => {
    let isLive = true;
    const read = () =>
      void herald()
        .invoke('clock:now', {})
        .then((result) => {
          if (isLive && result.ok) setNowMs(Date.parse(result.value.nowUtc));
        });
    read();
    const timer = window.setInterval(read, refreshMs);
    const unsubscribe = herald().on('clock:changed', (reading) => setNowMs(Date.parse(reading.nowUtc)));
    return () => {
      isLive = false;
      window.clearInterval(timer);
      unsubscribe();
    };
  }, [refreshMs]);
  return nowMs;
}
