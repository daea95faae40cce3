// Repeating events in a calendar file (RRULE, RDATE, EXDATE; RFC 5545
// §3.8.5): the occurrences ical.js's expansion gives, within a window around
// now, each as its own Herald event. The expansion walks wall times (12:00
// every Tuesday stays 12:00 when the clocks change); the caller turns each
// wall time into an instant in the event's zone, as it does for DTSTART.
import ICAL from 'ical.js';

const MS_PER_DAY = 86_400_000;
/** Occurrences up to two years ahead are imported; a later import of the same file adds the rest as they come near. */
export const SERIES_HORIZON_MS = 731 * MS_PER_DAY;
/** Occurrences that started more than a year ago are history, not plans: left out. */
export const SERIES_LOOKBACK_MS = 365 * MS_PER_DAY;
/** Rules that step by the second or minute are walked this far at most, whatever the window. */
const MAX_STEPS = 200_000;

export interface Occurrence {
  /** The occurrence's original start (its RECURRENCE-ID), as an instant. */
  startMs: number;
  endMs: number;
}

export interface Expansion {
  occurrences: Occurrence[];
  /** Occurrences left out because they started more than a year ago. */
  earlier: number;
  /** The series goes on beyond the horizon. */
  hasLater: boolean;
  /** The file's event limit stopped the expansion before the horizon. */
  isCut: boolean;
}

export interface ExpansionWindow {
  fromMs: number;
  toMs: number;
  /** How many more events the file may still bring. */
  budget: number;
}

export function isSeriesMaster(component: ICAL.Component): boolean {
  return (
    (component.hasProperty('rrule') || component.hasProperty('rdate')) &&
    !component.hasProperty('recurrence-id')
  );
}

export function seriesWindow(nowMs: number, budget: number): ExpansionWindow {
  return { fromMs: nowMs - SERIES_LOOKBACK_MS, toMs: nowMs + SERIES_HORIZON_MS, budget };
}

/** "20260423T110000Z": an occurrence's original start, as the key part of its Herald UID. */
function compactUtc(epochMs: number): string {
  return new Date(epochMs)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

/**
 * The UID Herald keeps for one occurrence: the series' UID and the
 * occurrence's original start, so importing the same file again finds it
 * (and an overridden instance, RECURRENCE-ID, lands on the same one).
 */
export function occurrenceUid(seriesUid: string, recurrenceIdMs: number): string {
  return `${seriesUid.slice(0, 230)}/${compactUtc(recurrenceIdMs)}`;
}

/**
 * The occurrences of a series master inside the window, earliest first.
 * `instantOf` reads one of ical.js's wall times (in DTSTART's own zone) as
 * an instant.
 */
export function expandSeries(
  component: ICAL.Component,
  window: ExpansionWindow,
  instantOf: (time: ICAL.Time) => number,
): Expansion {
  const event = new ICAL.Event(component);
  const duration = event.duration;
  const iterator = event.iterator();
  const expansion: Expansion = { occurrences: [], earlier: 0, hasLater: false, isCut: false };
  let steps = 0;
  for (let next = iterator.next(); next; next = iterator.next()) {
    if (++steps > MAX_STEPS) break;
    const startMs = instantOf(next);
    if (startMs >= window.toMs) {
      expansion.hasLater = true;
      break;
    }
    if (startMs < window.fromMs) {
      expansion.earlier++;
      continue;
    }
    if (expansion.occurrences.length >= window.budget) {
      expansion.isCut = true;
      break;
    }
    const end = next.clone();
    end.addDuration(duration);
    expansion.occurrences.push({ startMs, endMs: instantOf(end) });
  }
  return expansion;
}
