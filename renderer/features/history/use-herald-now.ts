// Herald's idea of now (main's clock, which tests can move), refreshed every
// half minute and on clock changes: enough for "in 5 min" and "today".
import { useEffect, useState } from 'react';
import { herald } from '../../api/herald.ts';

const REFRESH_MS = 30_000;

export function useHeraldNow(): number {
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
    const timer = window.setInterval(read, REFRESH_MS);
    const unsubscribe = herald().on('clock:changed', (reading) => setNowMs(Date.parse(reading.nowUtc)));
    return () => {
      isLive = false;
      window.clearInterval(timer);
      unsubscribe();
    };
  }, []);
  return nowMs;
}
