// Settings: one versioned store, patched through the API.
import { z } from 'zod';
import { ok, type Result } from '../../../shared/api/index.ts';
import { defaultSettings, settingsSchema, type Settings } from '../../../shared/settings/settings.ts';
import type { EventBus } from '../api/event-bus.ts';
import type { StoreDefinition, VersionedStore } from '../storage/versioned-store.ts';

/** Stored form: the same shape as the API's, with defaults filled in for fields added later. */
const storedSettingsSchema = z.object({
  timeZone: settingsSchema.shape.timeZone.catch(defaultSettings.timeZone),
  keepRunningInTray: z.boolean().catch(defaultSettings.keepRunningInTray),
  openAtLogin: z.boolean().catch(defaultSettings.openAtLogin),
  hasAnsweredOpenAtLogin: z.boolean().catch(defaultSettings.hasAnsweredOpenAtLogin),
  autoDownloadUpdates: z.boolean().catch(defaultSettings.autoDownloadUpdates),
});

export const settingsStoreDefinition: StoreDefinition<typeof storedSettingsSchema> = {
  name: 'settings',
  schema: storedSettingsSchema,
  defaults: () => ({ ...defaultSettings }),
  migrations: [
    // v1 → v2: the Slack API address moved out of settings; it is bound to the token in the Slack connection.
    (data) => {
      const { slackApiUrl: _moved, ...rest } = (data ?? {}) as Record<string, unknown>;
      return rest;
    },
  ],
};

export interface SettingsService {
  get(): Settings;
  /** `patch` has been validated by the router against settingsPatchSchema. */
  update(patch: Partial<Settings>): Result<Settings>;
}

export function createSettingsService(store: VersionedStore<Settings>, bus: EventBus): SettingsService {
  return {
    get: () => store.read(),
    update(patch) {
      const next = store.update((current) => ({ ...current, ...patch }));
      bus.emit('settings:changed', next);
      return ok(next);
    },
  };
}
