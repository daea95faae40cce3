// The calendar's two stores: events with change freezes, and the calendar's
// settings (lead times, duty schedules). Separate files, so saving a setting
// never rewrites a year of events.
import { z } from 'zod';
import {
  calendarSettingsSchema,
  defaultCalendarSettings,
  type CalendarSettings,
} from '../../../shared/calendar/calendar-settings.ts';
import { changeFreezeSchema, type ChangeFreeze } from '../../../shared/calendar/conflicts.ts';
import { maintenanceEventSchema, type MaintenanceEvent } from '../../../shared/calendar/maintenance-event.ts';
import type { StoreDefinition, VersionedStore } from '../storage/versioned-store.ts';

const calendarDataSchema = z.object({
  events: z.array(maintenanceEventSchema),
  freezes: z.array(changeFreezeSchema),
});
export interface CalendarData {
  events: MaintenanceEvent[];
  freezes: ChangeFreeze[];
}

export const calendarStoreDefinition: StoreDefinition<typeof calendarDataSchema> = {
  name: 'calendar',
  schema: calendarDataSchema,
  defaults: () => ({ events: [], freezes: [] }),
};

export const calendarSettingsStoreDefinition: StoreDefinition<typeof calendarSettingsSchema> = {
  name: 'calendar-settings',
  schema: calendarSettingsSchema,
  defaults: () => structuredClone(defaultCalendarSettings),
};

export type CalendarStore = VersionedStore<CalendarData>;
export type CalendarSettingsStore = VersionedStore<CalendarSettings>;
