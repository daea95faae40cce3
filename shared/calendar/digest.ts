// The digest behind a recurring duty: what Herald saw in the period (features
// announced, incidents resolved and how long they lasted, maintenance
// completed), written as a success draft the lead edits before sharing it
// with the CTO or in the weeknotes.
import { z } from 'zod';
import { MONTH_NAMES } from '../time/calendar-names.ts';
import { formatInstant } from '../time/format.ts';
import { wallTimeInZone } from '../time/zoned.ts';

export const digestItemKinds = ['feature', 'incident', 'maintenance'] as const;
export const digestItemSchema = z.object({
  kind: z.enum(digestItemKinds),
  title: z.string(),
  /** When it was announced, resolved or completed. */
  atUtc: z.iso.datetime(),
  /** Incidents: declaration to resolution. */
  durationMs: z.number().int().min(0).optional(),
});
export type DigestItem = z.output<typeof digestItemSchema>;

const HEADINGS: Readonly<Record<DigestItem['kind'], string>> = {
  feature: 'Features and services announced',
  incident: 'Incidents resolved',
  maintenance: 'Upgrades and maintenance completed',
};

/** "1 h 20 min", "45 min", "2 days 3 h". */
export function formatDuration(durationMs: number): string {
  const totalMinutes = Math.max(0, Math.round(durationMs / 60_000));
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  const parts: string[] = [];
  if (days > 0) parts.push(`${days} ${days === 1 ? 'day' : 'days'}`);
  if (hours > 0) parts.push(`${hours} h`);
  if (minutes > 0 && days === 0) parts.push(`${minutes} min`);
  return parts.length > 0 ? parts.join(' ') : 'under a minute';
}

/** "13 – 24 Apr 2026" for the days the period covers (the end instant itself is excluded). */
export function periodLabel(startMs: number, endMs: number, zone: string): string {
  const first = wallTimeInZone(startMs, zone);
  const last = wallTimeInZone(Math.max(startMs, endMs - 1), zone);
  const end = `${last.day} ${MONTH_NAMES[last.month - 1]} ${last.year}`;
  if (first.year !== last.year) return `${first.day} ${MONTH_NAMES[first.month - 1]} ${first.year} – ${end}`;
  if (first.month !== last.month) return `${first.day} ${MONTH_NAMES[first.month - 1]} – ${end}`;
  return `${first.day} – ${end}`;
}

export interface DigestDraft {
  /** Success checklist answers: the headline; "why it matters" is left for the lead. */
  fields: Record<string, string>;
  body: string;
}

/** The digest for a period, items grouped by kind in time order. */
export function buildDigest(
  items: readonly DigestItem[],
  period: { startMs: number; endMs: number },
  zone: string,
): DigestDraft {
  const inPeriod = items
    .filter((item) => {
      const atMs = Date.parse(item.atUtc);
      return atMs >= period.startMs && atMs < period.endMs;
    })
    .sort((a, b) => a.atUtc.localeCompare(b.atUtc));
  const sections: string[] = [];
  for (const kind of digestItemKinds) {
    const ofKind = inPeriod.filter((item) => item.kind === kind);
    if (ofKind.length === 0) continue;
    const lines = ofKind.map((item) => {
      const when = formatInstant(Date.parse(item.atUtc), zone, { withYear: false, withZone: false }).split(
        ',',
      )[0];
      const duration =
        item.durationMs !== undefined ? `, resolved in ${formatDuration(item.durationMs)}` : '';
      return `• ${item.title.trim()} (${when}${duration})`;
    });
    sections.push(`*${HEADINGS[kind]}*\n${lines.join('\n')}`);
  }
  const body =
    sections.length > 0
      ? sections.join('\n\n')
      : 'Herald has no announcements, resolved incidents or completed maintenance recorded for this period.';
  return {
    fields: { achievement: `Highlights for ${periodLabel(period.startMs, period.endMs, zone)}` },
    body,
  };
}
