// Settings: one versioned store, patched through the API.
import { z } from 'zod';
import { ok, type Result } from '../../../shared/api/index.ts';
import { defaultSettings, settingsSchema, type Settings } from '../../../shared/settings/settings.ts';
import { setTimeLocale } from '../../../shared/time/format.ts';
import type { EventBus } from '../api/event-bus.ts';
import type { StoreDefinition, VersionedStore } from '../storage/versioned-store.ts';

/**
 * Stored form: the same shape as the API's, with defaults filled in for fields added later. A field
 * that is there with a wrong value is not replaced by its default: the file is quarantined and
 * reported like any other store's, so nothing the user set is silently overwritten.
 */
const storedSettingsSchema = z.object({
  timeZone: settingsSchema.shape.timeZone.default(defaultSettings.timeZone),
  keepRunningInTray: z.boolean().default(defaultSettings.keepRunningInTray),
  openAtLogin: z.boolean().default(defaultSettings.openAtLogin),
  hasAnsweredOpenAtLogin: z.boolean().default(defaultSettings.hasAnsweredOpenAtLogin),
  autoDownloadUpdates: z.boolean().default(defaultSettings.autoDownloadUpdates),
  timeLocale: settingsSchema.shape.timeLocale.default(defaultSettings.timeLocale),
  hasReviewedPlan: z.boolean().default(defaultSettings.hasReviewedPlan),
  isSetupChecklistHidden: z.boolean().default(defaultSettings.isSetupChecklistHidden),
  lead: settingsSchema.shape.lead,
});

export const settingsStoreDefinition: StoreDefinition<typeof storedSettingsSchema> = {
  name: 'settings',
  schema: storedSettingsSchema,
  defaults: () => ({ ...defaultSettings }),
  migrations: [
    {
      // The token is sent only to the address it was entered for, so the address is kept with the token.
      describe: 'removes the Slack API address: it moved to the Slack connection, bound to the token',
      up: (data) => {
        const { slackApiUrl: _moved, ...rest } = (data ?? {}) as Record<string, unknown>;
        return rest;
      },
    },
  ],
};

export interface SettingsService {
  get(): Settings;
  /** `patch` has been validated by the router against settingsPatchSchema. */
  update(patch: Partial<Settings>): Result<Settings>;
}

export function createSettingsService(store: VersionedStore<Settings>, bus: EventBus): SettingsService {
  // Notifications, the tray and Slack fallbacks write times the lead's way (shared/time/format.ts).
  setTimeLocale(store.read().timeLocale);
  return {
    get: () => store.read(),
    update(patch) {
      const next = store.update((current) => ({ ...current, ...patch }));
      setTimeLocale(next.timeLocale);
      bus.emit('settings:changed', next);
      return ok(next);
    },
  };
}
