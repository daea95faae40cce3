// The user's settings and reminder preferences as the renderer holds them:
// one copy, seeded by the bootstrap and kept by settings:changed. Every
// screen that writes times reads the user's zone from here.
import { create } from 'zustand';
import type { ReminderSettings } from '../../shared/reminders/reminder-settings.ts';
import { DEFAULT_TIME_ZONE } from '../../shared/settings/defaults.ts';
import type { Settings } from '../../shared/settings/settings.ts';

interface SettingsState {
  /** Null until the bootstrap answers. */
  settings: Settings | null;
  reminderSettings: ReminderSettings | null;
  apply: (settings: Settings) => void;
  applyReminderSettings: (settings: ReminderSettings) => void;
}

export const useSettings = create<SettingsState>()((set) => ({
  settings: null,
  reminderSettings: null,
  apply: (settings) => set({ settings }),
  applyReminderSettings: (reminderSettings) => set({ reminderSettings }),
}));

/** The user's time zone (Settings → General), or Herald's default before the settings arrive. */
export const selectZone = (state: SettingsState): string => state.settings?.timeZone ?? DEFAULT_TIME_ZONE;

export function useUserZone(): string {
  return useSettings(selectZone);
}
