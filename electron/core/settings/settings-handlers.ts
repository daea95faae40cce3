// API handlers for the settings:* channels.
import { ok } from '../../../shared/api/index.ts';
import type { Handler } from '../api/router.ts';
import type { SettingsService } from './settings-service.ts';

export function settingsHandlers(settings: SettingsService): {
  'settings:get': Handler<'settings:get'>;
  'settings:update': Handler<'settings:update'>;
} {
  return {
    'settings:get': () => Promise.resolve(ok(settings.get())),
    'settings:update': (patch) => Promise.resolve(settings.update(patch)),
  };
}
