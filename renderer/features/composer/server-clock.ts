// Herald's clock as the renderer sees it: the serving process's reading
// (which a test may have set), carried forward by this page's own clock.
// Relative times, "in the past" checks and typed times like "in 30 min" all
// use it, so they agree with the reminders main arms.
import { herald } from '../../api/herald.ts';

let offsetMs = 0;
let syncing: Promise<void> | null = null;

function adopt(nowUtc: string): void {
  const serverMs = Date.parse(nowUtc);
  if (Number.isFinite(serverMs)) offsetMs = serverMs - Date.now();
}

/** Now, by Herald's clock (epoch ms). */
export function serverNowMs(): number {
  return Date.now() + offsetMs;
}

/** Reads the clock once and follows its changes; later calls reuse the first reading. */
export function syncServerClock(): Promise<void> {
  syncing ??= herald()
    .invoke('clock:now', {})
    .then((result) => {
      if (result.ok) adopt(result.value.nowUtc);
      herald().on('clock:changed', (reading) => adopt(reading.nowUtc));
    });
  return syncing;
}
