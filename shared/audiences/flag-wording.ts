// How the audiences view and the notification centre word a channel's
// disagreement and what a channel last heard: one place, in the lead's zone
// and time locale (shared/time/format.ts). Zod-free: the renderer imports it.
import type { AudienceFlag, Claims, Heard } from '../api/channels/audiences.ts';
import { formatInstant, formatLateness, formatTimeOfDay } from '../time/format.ts';
import { atName, type PeopleNames } from '../team-sync/owner-wording.ts';
import { fixLabels } from './audience-vocabulary.ts';

const STAGE_LABELS: Readonly<Record<string, string>> = {
  declared: 'Declared',
  update: 'Update',
  holding: 'Holding update',
  resolved: 'Resolved',
  postmortem: 'Postmortem',
  handover: 'Comms handed over',
  announcement: 'Announcement',
  reminder: 'Reminder',
  starting: 'Starting now',
  complete: 'Complete',
  rescheduled: 'Rescheduled',
  cancelled: 'Cancelled',
};

const STATUS_LABELS: Readonly<Record<string, string>> = {
  investigating: 'investigating',
  identified: 'identified',
  monitoring: 'monitoring',
  resolved: 'resolved',
  planned: 'planned',
  announced: 'announced',
  in_progress: 'in progress',
  complete: 'complete',
  cancelled: 'cancelled',
  rescheduled: 'rescheduled',
};

export function stageLabel(stage: string): string {
  return STAGE_LABELS[stage] ?? stage;
}

const at = (iso: string, zone: string) => formatInstant(Date.parse(iso), zone);

/** "Thu 23 Dec 2026, 12:00 GMT – 14:00" (the end's date only when it differs). */
export function formatWindow(claims: Pick<Claims, 'startsAtUtc' | 'endsAtUtc'>, zone: string): string {
  if (claims.startsAtUtc === null) return '';
  const start = at(claims.startsAtUtc, zone);
  if (claims.endsAtUtc === null) return start;
  const startMs = Date.parse(claims.startsAtUtc);
  const endMs = Date.parse(claims.endsAtUtc);
  const sameDay =
    formatInstant(startMs, zone, { withZone: false }).split(',')[0] ===
    formatInstant(endMs, zone, { withZone: false }).split(',')[0];
  return `${start} – ${sameDay ? formatTimeOfDay(endMs, zone) : at(claims.endsAtUtc, zone)}`;
}

/** What a message claims, in one line: "Update · investigating · next update by 14:30". */
export function describeClaims(claims: Claims, zone: string): string {
  const parts = [stageLabel(claims.stage)];
  // A maintenance message's window says what matters; its event's status then ("planned") is noise, unless cancelled.
  const isMaintenance = claims.startsAtUtc !== null;
  const status = claims.status;
  if (status !== null && status !== claims.stage && (!isMaintenance || status === 'cancelled'))
    parts.push(STATUS_LABELS[status] ?? status);
  if (claims.nextUpdateAtUtc !== null) parts.push(`next update by ${at(claims.nextUpdateAtUtc, zone)}`);
  const window = formatWindow(claims, zone);
  if (window !== '') parts.push(window);
  return parts.join(' · ');
}

/** "Sent Mon 14 Dec 2026, 10:02 GMT by you" (or "by another lead": read from Slack, sent by someone else). */
/** "Sent Thu 23 Apr 2026, 12:00 BST by you", "… by @Priya (comms)" (another lead named in its metadata), "… by another lead". */
export function describeHeard(
  heard: Heard,
  zone: string,
  leadUserId: string,
  people: PeopleNames = {},
): string {
  const isMine = heard.via === 'here' || (leadUserId !== '' && heard.actor === leadUserId);
  const by = isMine ? 'you' : heard.actor !== '' ? atName(heard.actor, people) : 'another lead';
  return `Sent ${at(heard.atUtc, zone)} by ${by}`;
}

/** The flag in one sentence: what the channel has wrong. */
export function flagHeadline(flag: AudienceFlag, zone: string, nowMs: number): string {
  const channel = `#${flag.channel}`;
  switch (flag.kind) {
    case 'stale_window':
      return `${channel} still has ${formatWindow(flag.heard?.claims ?? flag.truth, zone)}; it is now ${formatWindow(flag.truth, zone)}.`;
    case 'stale_cancelled':
      return `${channel} was told this maintenance will go ahead; it has been cancelled.`;
    case 'resolved_elsewhere':
      return flag.elsewhere
        ? `Resolved in #${flag.elsewhere}, but ${channel} last heard it was ${describeOpen(flag)}.`
        : `Resolved, but ${channel} last heard it was ${describeOpen(flag)}.`;
    case 'promise_passed': {
      const promise = flag.sinceUtc === null ? null : Date.parse(flag.sinceUtc);
      return promise === null
        ? `${channel} was promised an update that has not come.`
        : `${channel} was promised an update by ${formatTimeOfDay(promise, zone)}: ${formatLateness(nowMs - promise)}.`;
    }
    case 'not_told':
      return flag.subject.kind === 'maintenance'
        ? `${channel} has not been told, and the plan says it should have been${flag.sinceUtc ? ` by ${at(flag.sinceUtc, zone)}` : ''}.`
        : `${channel} has not been told about this open incident.`;
  }
}

function describeOpen(flag: AudienceFlag): string {
  const status = flag.heard?.claims.status;
  return status && status !== 'resolved' ? (STATUS_LABELS[status] ?? status) : 'still open';
}

/** The fix button's words. */
export function fixLabel(flag: AudienceFlag): string {
  // An open incident's channel that was never told gets the latest update, not an announcement.
  if (flag.kind === 'not_told' && flag.subject.kind === 'incident') return 'Draft the update';
  return fixLabels[flag.kind];
}
