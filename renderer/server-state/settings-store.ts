// The user's settings and reminder preferences as the renderer holds them:
// one copy, seeded by the bootstrap, kept by settings:changed and changed
// through `update`. Every screen that writes times reads the user's zone
// from here.
import { create } from 'zustand';
import type { Result } from '../../shared/api/result.ts';
import type { ReminderSettings } from '../../shared/reminders/reminder-settings.ts';
import { DEFAULT_TIME_ZONE } from '../../shared/settings/defaults.ts';
import type { Settings, SettingsPatch } from '../../shared/settings/settings.ts';
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

export const useSettings = create<SettingsState>()((set) => ({
  settings: null,
  reminderSettings: null,
  apply: (settings) => set({ settings }),
  applyReminderSettings: (reminderSettings) => set({ reminderSettings }),
  update: async (patch) => {
    const result = await herald().invoke('settings:update', patch);
    if (result.ok) set({ settings: result.value });
    return result;
  },
}));

/** The user's time zone (Settings → General), or Herald's default before the settings arrive. */
export const selectZone = (state: SettingsState): string => state.settings?.timeZone ?? DEFAULT_TIME_ZONE;

export function useUserZone(): string {
  return useSettings(selectZone);
}
