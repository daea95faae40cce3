// The user's settings and reminder preferences as the renderer holds them:
// one copy, seeded by the bootstrap, kept by settings:changed and changed
// through `update`. Every screen that writes times reads the user's zone
// from here.
import { create } from 'zustand';
import type { Result } from '../../shared/api/result.ts';
import type { ReminderSettings } from '../../shared/reminders/reminder-settings.ts';
import { DEFAULT_TIME_ZONE } from '../../shared/settings/defaults.ts';
import type { Settings, SettingsPatch } from '../../shared/settings/settings.ts';
import { setTimeLocale } from '../../shared/time/format.ts';
import { herald } from '../api/herald.ts';

interface SettingsState {
  /** Null until the bootstrap answers. */
  settings: Settings | null;
  reminderSettings: ReminderSettings | null;
  apply: (settings: Settings) => void;
  applyReminderSettings: (settings: ReminderSettings) => void;
  /** Saves a change; main checks it and answers each refused field in `fieldErrors`. */
  update: (patch: SettingsPatch) => Promise<Result<Settings>>;
}

/** Every screen writes times the lead's way (shared/time/format.ts), set here as the settings arrive or change. */
function adopt(settings: Settings): { settings: Settings } {
  setTimeLocale(settings.timeLocale);
  return { settings };
}

export const useSettings = create<SettingsState>()((set) => ({
  settings: null,
  reminderSettings: null,
  apply: (settings) => set(adopt(settings)),
  applyReminderSettings: (reminderSettings) => set({ reminderSettings }),
  update: async (patch) => {
    const result = await herald().invoke('settings:update', patch);
    if (result.ok) set(adopt(result.value));
    return result;
  },
}));

/** The user's time zone (Settings → General), or Herald's default before the settings arrive. */
export const selectZone = (state: SettingsState): string => state.settings?.timeZone ?? DEFAULT_TIME_ZONE;

/**
 * The user's zone, for a component that writes times. It also follows the lead's way of writing them, so a
 * change of `timeLocale` redraws every such component.
 */
export function useUserZone(): string {
  useSettings((state) => state.settings?.timeLocale);
  return useSettings(selectZone);
}
