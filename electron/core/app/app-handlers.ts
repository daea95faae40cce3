// API handlers for app-wide channels: app:info, the renderer's bootstrap,
// the clock, and the test clock. The test-clock handlers only act when a test clock was injected (the
// harness's --test-clock flag); the router also disables those channels
// otherwise, so they are refused twice over.
import type { AppInfo, Bootstrap, StorageNotice } from '../../../shared/api/channels/app.ts';
import { fail, ok } from '../../../shared/api/index.ts';
import { DEFAULT_TIME_ZONE } from '../../../shared/settings/defaults.ts';
import { zoneOffsetSeed } from '../../../shared/time/zoned.ts';
import type { EventBus } from '../api/event-bus.ts';
import type { Handler } from '../api/router.ts';
import type { Clock } from '../clock/clock.ts';
import type { TestClock } from '../clock/test-clock.ts';
import type { StartScreens } from './start-screen.ts';

const DAY_MS = 86_400_000;
/** The stretch of the lead's zone the bootstrap carries offsets for: what a composer's first render writes times in. */
const ZONE_SEED_BEFORE_MS = 7 * DAY_MS;
const ZONE_SEED_AFTER_MS = 62 * DAY_MS;

export interface AppHandlerDeps {
  info: Omit<AppInfo, 'storageNotices' | 'hasTestClock'>;
  storageNotices: () => StorageNotice[];
  clock: Clock;
  testClock: TestClock | undefined;
  bus: EventBus;
  /** The parts of the bootstrap other services own, each read when the renderer asks. */
  firstScreen: () => Promise<Omit<Bootstrap, 'info' | 'nowUtc' | 'zoneOffsets' | 'startScreen'>>;
  /** The composer's HTML kept for the next start. */
  startScreens: StartScreens;
}

export interface AppApi {
  handlers: {
    'app:info': Handler<'app:info'>;
    'app:bootstrap': Handler<'app:bootstrap'>;
    'app:keepStartScreen': Handler<'app:keepStartScreen'>;
    'clock:now': Handler<'clock:now'>;
    'testClock:advance': Handler<'testClock:advance'>;
    'testClock:set': Handler<'testClock:set'>;
  };
}

/** App-wide answers; no state of its own, so it is only its handlers. */
export function createAppApi(deps: AppHandlerDeps): AppApi {
  const reading = () => ({ nowUtc: new Date(deps.clock.now()).toISOString() });
  const withTestClock = (act: (clock: TestClock) => void) => {
    const { testClock } = deps;
    if (!testClock)
      return Promise.resolve(
        fail<{ nowUtc: string }>(
          'unavailable',
          'The test clock is only available in the harness started with --test-clock.',
        ),
      );
    act(testClock);
    const now = reading();
    deps.bus.emit('clock:changed', now);
    return Promise.resolve(ok(now));
  };
  const info = (): AppInfo => ({
    ...deps.info,
    hasTestClock: deps.testClock !== undefined,
    storageNotices: deps.storageNotices(),
  });
  /** What the first screen draws from: the bootstrap's answer, and what a kept start screen is checked against. */
  const firstScreenContext = async () => ({ ...(await deps.firstScreen()), info: info() });
  const handlers: AppApi['handlers'] = {
    'app:info': () => Promise.resolve(ok(info())),
    'app:bootstrap': async () => {
      const context = await firstScreenContext();
      const nowMs = deps.clock.now();
      const zone = context.settings.timeZone ?? DEFAULT_TIME_ZONE;
      return ok({
        ...context,
        nowUtc: new Date(nowMs).toISOString(),
        zoneOffsets: zoneOffsetSeed(zone, nowMs - ZONE_SEED_BEFORE_MS, nowMs + ZONE_SEED_AFTER_MS),
        startScreen: deps.startScreens.offer(context),
      });
    },
    'app:keepStartScreen': async (input) => {
      const context = await firstScreenContext();
      return ok({ kept: deps.startScreens.keep(input, context) });
    },
    'clock:now': () => Promise.resolve(ok(reading())),
    'testClock:advance': ({ ms }) => withTestClock((clock) => clock.advance(ms)),
    'testClock:set': ({ nowUtc }) => withTestClock((clock) => clock.set(Date.parse(nowUtc))),
  };
  return { handlers };
}
