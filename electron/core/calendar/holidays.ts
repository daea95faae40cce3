// Public holidays for plan duties, from the date-holidays package's bundled
// data (offline; no download at run time). Core only: the data is large and
// the renderer never needs it, so shared code takes holidays as a function.
import Holidays from 'date-holidays';
import type { DateKey } from '../../../shared/calendar/calendar-grid.ts';
import { noHolidays, type HolidayCheck } from '../../../shared/calendar/plan-duties.ts';

/** Holiday kinds that close offices: public and bank holidays, not observances such as Mother's Day. */
const DAYS_OFF = new Set(['public', 'bank']);

function holidaysFor(region: string): Holidays | null {
  const [country = '', state] = region.split('-');
  if (region === '' || !isKnownHolidayRegion(region)) return null;
  return state === undefined ? new Holidays(country) : new Holidays(country, state);
}

/** True when the holiday data knows `region` ("GB-ENG"); the empty region (no holidays) is known too. */
export function isKnownHolidayRegion(region: string): boolean {
  if (region === '') return true;
  const [country = '', state] = region.split('-');
  const data = new Holidays();
  if (!Object.hasOwn(data.getCountries(), country)) return false;
  const states = data.getStates(country) as Record<string, string> | undefined;
  return state === undefined || (states !== undefined && Object.hasOwn(states, state));
}

const checks = new Map<string, HolidayCheck>();

/** The region's public holidays by date, each year's list read once. An unknown or empty region has none. */
export function holidayCheck(region: string): HolidayCheck {
  const known = checks.get(region);
  if (known) return known;
  const holidays = holidaysFor(region);
  if (!holidays) return noHolidays;
  const years = new Map<number, Map<DateKey, string>>();
  const check: HolidayCheck = (dateKey) => {
    const year = Number(dateKey.slice(0, 4));
    let days = years.get(year);
    if (!days) {
      days = new Map();
      for (const holiday of holidays.getHolidays(year)) {
        // "2026-12-25 00:00:00": the date in the region's own calendar.
        if (DAYS_OFF.has(holiday.type) && !days.has(holiday.date.slice(0, 10)))
          days.set(holiday.date.slice(0, 10), holiday.name);
      }
      years.set(year, days);
    }
    return days.get(dateKey) ?? null;
  };
  checks.set(region, check);
  return check;
}
