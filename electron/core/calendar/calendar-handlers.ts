// The calendar's API handlers: each validates nothing itself (the router has
// parsed the arguments against the contract) and answers with a Result.
import { fail, ok, type Result } from '../../../shared/api/result.ts';
import type { CalendarSettingsView } from '../../../shared/api/channels/calendar.ts';
import type { Handler } from '../api/router.ts';
import type { CalendarService } from './calendar-service.ts';
import { isKnownHolidayRegion } from './holidays.ts';

type CalendarChannel =
  | 'calendar:list'
  | 'calendar:get'
  | 'calendar:create'
  | 'calendar:createSeries'
  | 'calendar:update'
  | 'calendar:reschedule'
  | 'calendar:duplicate'
  | 'calendar:cancel'
  | 'calendar:markSent'
  | 'calendar:openDraft'
  | 'calendar:openDuty'
  | 'calendar:exportIcs'
  | 'calendar:previewImport'
  | 'calendar:import'
  | 'calendar:getSettings'
  | 'calendar:updateSettings'
  | 'calendar:addFreeze'
  | 'calendar:removeFreeze';

export type CalendarHandlers = { [C in CalendarChannel]: Handler<C> };

export function calendarHandlers(calendar: CalendarService): CalendarHandlers {
  const settle = <T>(result: Result<T>) => Promise.resolve(result);
  const settingsView = (): CalendarSettingsView => ({
    settings: calendar.settings(),
    duties: calendar.duties().map((duty) => ({
      typeId: duty.typeId,
      name: duty.name,
      audience: duty.audience,
      everyWeeks: duty.everyWeeks,
      schedule: duty.schedule,
    })),
    freezes: calendar.freezes(),
  });
  return {
    'calendar:list': ({ fromUtc, toUtc }) =>
      settle(ok(calendar.list(Date.parse(fromUtc), Date.parse(toUtc)))),
    'calendar:get': ({ id }) => settle(calendar.get(id)),
    'calendar:create': ({ event }) => settle(calendar.create(event)),
    'calendar:createSeries': ({ event, repeat }) => settle(calendar.createSeries(event, repeat)),
    'calendar:update': ({ id, event, reason }) => settle(calendar.update(id, event, reason)),
    'calendar:reschedule': ({ id, reason, ...times }) => settle(calendar.reschedule(id, times, reason)),
    'calendar:duplicate': ({ id }) => settle(calendar.duplicate(id)),
    'calendar:cancel': ({ id, reason }) => settle(calendar.cancel(id, reason)),
    'calendar:markSent': ({ id, stage, isSent }) => settle(calendar.markSent(id, stage, isSent)),
    'calendar:openDraft': ({ eventId, stage }) => settle(calendar.openDraft(eventId, stage)),
    'calendar:openDuty': ({ dutyId }) => settle(calendar.openDuty(dutyId)),
    'calendar:exportIcs': ({ id }) => settle(calendar.exportIcs(id)),
    'calendar:previewImport': ({ ics }) => settle(calendar.previewImport(ics)),
    'calendar:import': ({ ics, uids }) => settle(calendar.importIcs(ics, uids)),
    'calendar:getSettings': () => settle(ok(settingsView())),
    'calendar:updateSettings': (patch) => {
      if (patch.holidayRegion !== undefined && !isKnownHolidayRegion(patch.holidayRegion)) {
        return settle(
          fail(
            'invalid_argument',
            `Herald has no public holidays for "${patch.holidayRegion}". ` +
              'Use a country code with an optional region, such as GB-ENG or GB-SCT, or leave it empty for none.',
            { fields: ['holidayRegion'] },
          ),
        );
      }
      calendar.updateSettings(patch);
      return settle(ok(settingsView()));
    },
    'calendar:addFreeze': ({ label, firstDate, lastDate }) =>
      settle(calendar.addFreeze(label, firstDate, lastDate)),
    'calendar:removeFreeze': ({ id }) => settle(calendar.removeFreeze(id)),
  };
}
