// The renderer's start: one app:bootstrap request, sent before React renders
// (renderer/main.tsx), seeds every server-state store — app info, settings,
// plan, clock, outbox connection, Slack connection, the draft to reopen — and subscribes each to
// its event for the life of the page. Screens then read the stores; none of
// them asks for these again.
import { create } from 'zustand';
import type { StoredDraft } from '../../shared/drafts/stored-draft.ts';
import { seedZoneOffsets } from '../../shared/time/zoned.ts';
import { herald } from '../api/herald.ts';
import { useSlack } from '../features/settings/slack-store.ts';
import { requestBootstrap } from './bootstrap-request.ts';
import { useAppInfo } from './app-info-store.ts';
import { useClock } from './clock-store.ts';
import { useConnection } from './connection-store.ts';
import { usePlan } from './plan-store.ts';
import { useSettings } from './settings-store.ts';

interface StartupState {
  /** Settles once the bootstrap has answered, whether or not it succeeded. */
  ready: Promise<void> | null;
  /** True once that answer has been applied to the stores: a screen can then draw from them in its first render. */
  settled: boolean;
  /** The draft Herald had open, until the composer takes it. */
  draftToReopen: StoredDraft | null;
  /** The composer's HTML main kept for that draft (untrusted: renderer/app/start-screen/sanitize.ts). */
  startScreenHtml: string | null;
}

export const useStartup = create<StartupState>()(() => ({
  ready: null,
  settled: false,
  draftToReopen: null,
  startScreenHtml: null,
}));

function follow(): void {
  const api = herald();
  api.on('settings:changed', (settings) => useSettings.getState().apply(settings));
  api.on('plan:changed', (plan) => usePlan.getState().apply(plan));
  api.on('clock:changed', (reading) => useClock.getState().adopt(reading.nowUtc));
  api.on('connection:changed', (status) => useConnection.getState().apply(status));
  api.on('storage:quarantined', (notice) => useAppInfo.getState().addNotice(notice));
  api.on('slack:changed', (status) => useSlack.getState().apply(status));
}

async function load(): Promise<void> {
  follow();
  const result = await requestBootstrap();
  if (!result.ok) {
    useAppInfo.getState().failLoad(result.error.message);
    return;
  }
  const start = result.value;
  // Before any store is applied (each may redraw): from here on, times in the lead's zone need no Intl zone data.
  seedZoneOffsets(start.zoneOffsets);
  useClock.getState().setTestClock(start.info.hasTestClock);
  useClock.getState().adopt(start.nowUtc);
  useAppInfo.getState().apply(start.info);
  useSettings.getState().apply(start.settings);
  useSettings.getState().applyReminderSettings(start.reminderSettings);
  usePlan.getState().apply(start.plan);
  useConnection.getState().apply(start.connection);
  useSlack.getState().apply(start.slack);
  useStartup.setState({
    draftToReopen: start.currentDraft,
    startScreenHtml: start.startScreen?.html ?? null,
  });
}

/** Starts the bootstrap once; every later call returns the same promise. */
export function bootstrapped(): Promise<void> {
  const { ready } = useStartup.getState();
  if (ready) return ready;
  const started = load().finally(() => useStartup.setState({ settled: true }));
  useStartup.setState({ ready: started });
  return started;
}

/** The draft to reopen at start, once: a later visit to Compose keeps what the composer has. */
export function takeDraftToReopen(): StoredDraft | null {
  const { draftToReopen } = useStartup.getState();
  useStartup.setState({ draftToReopen: null });
  return draftToReopen;
}
