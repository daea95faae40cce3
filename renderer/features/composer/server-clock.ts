// Herald's clock as the renderer sees it: the serving process's reading,
// carried forward by this page's own clock. Relative times, "in the past"
// checks and typed times like "in 30 min" all use it, so they agree with
// the reminders main arms. A test clock (harness --test-clock) stands still
// between moves, so here it does too: the page then reads exactly the
// instant the services read.
import { herald } from '../../api/herald.ts';

let offsetMs = 0;
let lastReadingMs = Number.NaN;
let isTestClock = false;
let syncing: Promise<void> | null = null;

function adopt(nowUtc: string): void {
  const serverMs = Date.parse(nowUtc);
  if (!Number.isFinite(serverMs)) return;
  lastReadingMs = serverMs;
  offsetMs = serverMs - Date.now();
}

/** Now, by Herald's clock (epoch ms). */
export function serverNowMs(): number {
  return isTestClock && Number.isFinite(lastReadingMs) ? lastReadingMs : Date.now() + offsetMs;
}

/** Reads the clock once and follows its changes; later calls reuse the first reading. */
export function syncServerClock(): Promise<void> {
  syncing ??= Promise.all([herald().invoke('clock:now', {}), herald().invoke('app:info', {})]).then(([reading, info]) => {
    if (reading.ok) adopt(reading.value.nowUtc);
    isTestClock = info.ok && info.value.hasTestClock;
    herald().on('clock:changed', (next) => adopt(next.nowUtc));
  });
  return syncing;
}
