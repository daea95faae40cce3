// Settings channels.
import { z } from 'zod';
import { settingsPatchSchema, settingsSchema } from '../../settings/settings.ts';

export const settingsChannels = {
  'settings:get': { args: z.object({}).strict(), result: settingsSchema },
  'settings:update': { args: settingsPatchSchema, result: settingsSchema },
} as const;

export const settingsEvents = {
  'settings:changed': settingsSchema,
} as const;
