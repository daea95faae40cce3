// Pure decisions about timing: when each armed reminder may fire (its due
// instant, held back by quiet hours unless it is an incident promise), which
// reminders are due at a given moment, and when the scheduler must wake next.
import { kindRank, type Reminder } from '../../../shared/reminders/reminder.ts';
import type { QuietHours } from '../../../shared/reminders/reminder-settings.ts';
import { isInQuietHours, quietHoursEndAfter } from '../../../shared/reminders/quiet-hours.ts';
import type { ReminderEntry } from './reminder-index.ts';

export interface FireTimes {
  /** When the reminder may fire, judged at `nowMs`. */
  fireAtMs(entry: ReminderEntry, nowMs: number): number;
}

const MAX_CACHED_INSTANTS = 5_000;

/**
 * Fire instants under one quiet-hours setting: the same answer as
 * releaseInstantMs (shared/reminders/quiet-hours.ts), with zone look-ups
 * cached, because a check asks this of every armed reminder and a zoned
 * reading costs tens of microseconds. Make a new one when the setting changes.
 */
export function createFireTimes(quietHours: QuietHours | undefined): FireTimes {
  const releaseByDueMs = new Map<number, number>();
  let heldAt: { nowMs: number; untilMs: number | null } | null = null;
  return {
    fireAtMs({ reminder, dueMs }, nowMs) {
      if (reminder.isIncidentPromise || !quietHours) return dueMs;
      let releaseMs = releaseByDueMs.get(dueMs);
      if (releaseMs === undefined) {
        releaseMs = isInQuietHours(dueMs, quietHours) ? quietHoursEndAfter(dueMs, quietHours) : dueMs;
        if (releaseByDueMs.size >= MAX_CACHED_INSTANTS) releaseByDueMs.clear();
        releaseByDueMs.set(dueMs, releaseMs);
      }
      if (releaseMs > nowMs) return releaseMs;
      // Due already, but quiet hours are on now (it was missed overnight): it waits for the morning.
      if (heldAt?.nowMs !== nowMs) {
        heldAt = {
          nowMs,
          untilMs: isInQuietHours(nowMs, quietHours) ? quietHoursEndAfter(nowMs, quietHours) : null,
        };
      }
      return heldAt.untilMs ?? releaseMs;
    },
  };
}

export interface DueFiring {
  entry: ReminderEntry;
  /** The instant it should have fired (its due instant, or the end of quiet hours). */
  scheduledForMs: number;
}

export interface DuePlan {
  /** In the order they should fire: earliest instant first. */
  toFire: DueFiring[];
  /** Due together with a more advanced alert of the same subject: closed without firing. */
  superseded: Reminder[];
}

function isMoreAdvanced(candidate: ReminderEntry, current: ReminderEntry): boolean {
  const byInstant = candidate.dueMs - current.dueMs;
  if (byInstant !== 0) return byInstant > 0;
  return kindRank(candidate.reminder.kind) > kindRank(current.reminder.kind);
}

/**
 * The armed reminders due at `nowMs`. After a sleep several alerts of one
 * subject can be due at once (heads-up, due, overdue): only the most advanced
 * fires, so waking up gives one alert per incident, not a burst.
 */
export function planDueFirings(armed: Iterable<ReminderEntry>, nowMs: number, fireTimes: FireTimes): DuePlan {
  const winners = new Map<string, DueFiring>();
  const superseded: Reminder[] = [];
  for (const entry of armed) {
    const scheduledForMs = fireTimes.fireAtMs(entry, nowMs);
    if (scheduledForMs > nowMs) continue;
    const current = winners.get(entry.key);
    if (!current) {
      winners.set(entry.key, { entry, scheduledForMs });
    } else if (isMoreAdvanced(entry, current.entry)) {
      superseded.push(current.entry.reminder);
      winners.set(entry.key, { entry, scheduledForMs });
    } else {
      superseded.push(entry.reminder);
    }
  }
  const toFire = [...winners.values()].sort((a, b) => a.scheduledForMs - b.scheduledForMs);
  return { toFire, superseded };
}

/** The earliest instant at which an armed reminder may fire, or null when none is armed. */
export function nextWakeMs(
  armed: Iterable<ReminderEntry>,
  nowMs: number,
  fireTimes: FireTimes,
): number | null {
  let earliestMs: number | null = null;
  for (const entry of armed) {
    const atMs = fireTimes.fireAtMs(entry, nowMs);
    if (earliestMs === null || atMs < earliestMs) earliestMs = atMs;
  }
  return earliestMs;
}
