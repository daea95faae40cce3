// Quiet hours: a daily local-time window in which calendar and duty
// reminders wait. Incident promises never consult this module.
import { instantFromWallTime, wallTimeInZone } from '../time/zoned.ts';
import type { QuietHours } from './reminder-settings.ts';

const minuteFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Minutes since local midnight. Reads only the hour and minute: about ten
 * times cheaper than a full zoned wall time, which matters when a check
 * looks at a thousand reminders.
 */
function localMinuteOfDay(epochMs: number, zone: string): number {
  let formatter = minuteFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      hour: 'numeric',
      minute: 'numeric',
    });
    minuteFormatters.set(zone, formatter);
  }
  let hour = 0;
  let minute = 0;
  for (const part of formatter.formatToParts(epochMs)) {
    if (part.type === 'hour') hour = Number(part.value) % 24;
    else if (part.type === 'minute') minute = Number(part.value);
  }
  return hour * 60 + minute;
}

function minutesOf(hhmm: string): number {
  const [hours = 0, minutes = 0] = hhmm.split(':').map(Number);
  return hours * 60 + minutes;
}

/** True when the local time at `epochMs` lies in [start, end); start equal to end means no quiet hours. */
export function isInQuietHours(epochMs: number, quietHours: QuietHours): boolean {
  const startMin = minutesOf(quietHours.startHHMM);
  const endMin = minutesOf(quietHours.endHHMM);
  if (startMin === endMin) return false;
  const localMin = localMinuteOfDay(epochMs, quietHours.zone);
  return startMin < endMin
    ? localMin >= startMin && localMin < endMin
    : localMin >= startMin || localMin < endMin;
}

/** The first instant after `epochMs` at which the local clock reads the end of quiet hours. */
export function quietHoursEndAfter(epochMs: number, quietHours: QuietHours): number {
  const endMin = minutesOf(quietHours.endHHMM);
  const today = wallTimeInZone(epochMs, quietHours.zone);
  for (let days = 0; days <= 2; days++) {
    // Day overflow rolls into the next month; an end inside a spring-forward gap moves forward by the gap.
    const wall = {
      year: today.year,
      month: today.month,
      day: today.day + days,
      hour: Math.floor(endMin / 60),
      minute: endMin % 60,
    };
    const endMs = instantFromWallTime(wall, quietHours.zone);
    if (endMs > epochMs) return endMs;
  }
  // Unreachable for real zones (the end recurs daily); a safe fallback all the same.
  return epochMs + 86_400_000;
}

/**
 * When a non-incident reminder due at `dueMs` may fire, checked at `nowMs`:
 * its own instant unless that falls in quiet hours, and never while quiet
 * hours are on (a reminder missed overnight waits for the morning).
 */
export function releaseInstantMs(dueMs: number, nowMs: number, quietHours: QuietHours | undefined): number {
  if (!quietHours) return dueMs;
  const releaseMs = isInQuietHours(dueMs, quietHours) ? quietHoursEndAfter(dueMs, quietHours) : dueMs;
  if (releaseMs <= nowMs && isInQuietHours(nowMs, quietHours)) return quietHoursEndAfter(nowMs, quietHours);
  return releaseMs;
}
