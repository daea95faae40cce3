// How the Outbox screen describes items and the connection: which section
// an item sits in, its state as a symbol and words (never colour alone),
// what it is waiting for, and the banner for each connection state.
import { isChannelId } from '../../../shared/outbox/channel-ref.ts';
import type { ConnectionStatus } from '../../../shared/outbox/connection-status.ts';
import type { OutboxItem, OutboxState } from '../../../shared/outbox/outbox-item.ts';
import { formatInstant, formatRelative } from '../../../shared/time/index.ts';
import { type OutboxSection, sectionOfState } from '../../../shared/outbox/outbox-sections.ts';

export type { OutboxSection } from '../../../shared/outbox/outbox-sections.ts';

/** Finished items shown; older ones are in History (sent) or simply gone (cancelled). */
export const FINISHED_SHOWN = 30;

export function sectionOf(item: OutboxItem): OutboxSection {
  return sectionOfState(item.state);
}

const finishedAtMs = (item: OutboxItem) => Date.parse(item.sentAtUtc ?? item.updatedAtUtc);

export function groupOutbox(items: readonly OutboxItem[]): Record<OutboxSection, OutboxItem[]> {
  const bySequence = [...items].sort((a, b) => a.sequence - b.sequence);
  return {
    attention: bySequence.filter((item) => sectionOf(item) === 'attention'),
    waiting: bySequence.filter((item) => sectionOf(item) === 'waiting'),
    finished: bySequence
      .filter((item) => sectionOf(item) === 'finished')
      .sort((a, b) => finishedAtMs(b) - finishedAtMs(a))
      .slice(0, FINISHED_SHOWN),
  };
}

/** Replaces an item by id (or adds it), keeping enqueue order; an answer older than what is shown is ignored. */
export function withItem(items: readonly OutboxItem[], item: OutboxItem): OutboxItem[] {
  const shown = items.find((existing) => existing.id === item.id);
  if (shown !== undefined && Date.parse(shown.updatedAtUtc) > Date.parse(item.updatedAtUtc))
    return [...items];
  const others = items.filter((existing) => existing.id !== item.id);
  return [...others, item].sort((a, b) => a.sequence - b.sequence);
}

export const stateBadges: Readonly<Record<OutboxState, { symbol: string; label: string }>> = {
  queued: { symbol: '•', label: 'Queued' },
  sending: { symbol: '↻', label: 'Sending' },
  scheduled: { symbol: '◷', label: 'Scheduled' },
  sent: { symbol: '✓', label: 'Sent' },
  failed: { symbol: '✗', label: 'Failed' },
  cancelled: { symbol: '–', label: 'Cancelled' },
  held: { symbol: '⏸', label: 'Held for you' },
};

function at(iso: string, zone: string, nowMs: number): string {
  const epochMs = Date.parse(iso);
  return `${formatInstant(epochMs, zone, { withYear: false })} (${formatRelative(epochMs, nowMs)})`;
}

/** Where a removal from Slack (a delete_scheduled item) has got to, in one sentence. */
function removalLine(item: OutboxItem, zone: string, nowMs: number): string {
  switch (item.state) {
    case 'queued':
      return item.isOutcomeUnclear
        ? 'Checking in Slack whether an earlier attempt already removed it.'
        : 'Waits to remove this scheduled message from Slack, in its channel’s line.';
    case 'sending':
      return 'Removing it from Slack now.';
    case 'sent':
      return item.sentAtUtc
        ? `Removed from Slack ${at(item.sentAtUtc, zone, nowMs)}.`
        : 'Removed from Slack.';
    case 'failed':
      return 'Could not remove it from Slack.';
    case 'cancelled':
      return 'Not removed: the removal was cancelled.';
    default:
      return 'Waiting for you to confirm the removal.';
  }
}

/** Where a file upload (a `file` item: the calendar file in an announcement's thread) has got to. */
function fileLine(item: OutboxItem, zone: string, nowMs: number): string {
  switch (item.state) {
    case 'queued':
      if (item.isOutcomeUnclear) return 'Checking the thread for an earlier upload before uploading again.';
      return item.threadTs === null
        ? 'Waits for the announcement it goes with to be in Slack, then joins its thread.'
        : 'Waits to be uploaded into the announcement’s thread, in its channel’s line.';
    case 'sending':
      return 'Uploading it to Slack now.';
    case 'sent':
      return item.sentAtUtc ? `Uploaded ${at(item.sentAtUtc, zone, nowMs)}.` : 'Uploaded.';
    case 'failed':
      return 'Could not upload it to Slack.';
    case 'cancelled':
      return 'Not uploaded.';
    default:
      return 'Waiting for you to confirm the upload.';
  }
}

/** Where the item is on its way, in one sentence. */
export function statusLine(item: OutboxItem, zone: string, nowMs: number): string {
  if (item.kind === 'delete_scheduled') return removalLine(item, zone, nowMs);
  if (item.kind === 'file') return fileLine(item, zone, nowMs);
  if (item.state === 'queued' && item.waitsFor !== null && !item.isOutcomeUnclear)
    return 'Waits until the message it replaces is removed from Slack.';
  switch (item.state) {
    case 'queued':
      if (item.isOutcomeUnclear)
        return 'Checking whether an earlier attempt reached Slack before sending again.';
      if (item.sendAtUtc !== null && Date.parse(item.sendAtUtc) > nowMs)
        return `Herald sends it at ${at(item.sendAtUtc, zone, nowMs)}.`;
      if (item.nextAttemptAtUtc !== null && Date.parse(item.nextAttemptAtUtc) > nowMs)
        return `Next try ${at(item.nextAttemptAtUtc, zone, nowMs)}.`;
      if (item.threadOf !== null && item.threadTs === null) return 'Waits for the message it replies to.';
      if (item.scheduleForUtc !== null)
        return `To be scheduled in Slack for ${at(item.scheduleForUtc, zone, nowMs)}.`;
      return `Queued ${formatRelative(Date.parse(item.createdAtUtc), nowMs)}; it goes when Slack can be reached.`;
    case 'sending':
      return 'Being sent now.';
    case 'scheduled':
      return item.scheduleForUtc
        ? `Slack posts it at ${at(item.scheduleForUtc, zone, nowMs)}.`
        : 'Scheduled in Slack.';
    case 'sent':
      return item.sentAtUtc ? `Sent ${at(item.sentAtUtc, zone, nowMs)}.` : 'Sent.';
    case 'failed':
      return `Failed after ${item.attempts} ${item.attempts === 1 ? 'attempt' : 'attempts'}.`;
    case 'cancelled':
      return `Cancelled ${formatRelative(Date.parse(item.updatedAtUtc), nowMs)}.`;
    case 'held':
      return 'Waiting for you to confirm it.';
  }
}

/** Why a held item waits, in words naming the times involved. */
export function heldExplanation(item: OutboxItem, zone: string): string {
  switch (item.heldReason) {
    case 'promise_passed':
      return item.promiseAtUtc
        ? `It promises the next update at ${formatInstant(Date.parse(item.promiseAtUtc), zone)}, which passed ` +
            'while it waited. Give a new time so it does not promise one that has gone.'
        : 'The next-update time it promised passed while it waited.';
    case 'schedule_passed':
      return item.scheduleForUtc
        ? `It was to be scheduled for ${formatInstant(Date.parse(item.scheduleForUtc), zone)}, which passed while it waited. Send it now or choose a new time.`
        : 'The time it was to be scheduled for passed while it waited.';
    case 'unconfirmed':
      return 'An earlier attempt may have reached Slack, and Herald cannot read the channel to check. Look in the channel first.';
    case null:
      return '';
  }
}

/** The card's heading: the message's title, or what a removal removes. */
export function itemHeading(item: OutboxItem, title: string): string {
  if (item.kind === 'file' && item.file) return `Calendar file ${item.file.name}: ${item.file.title}`;
  return item.kind === 'delete_scheduled' ? `Remove from Slack: ${title}` : title;
}

/** "#operations-engineering-update", or the channel id when Herald has no name for it. */
export function channelLabel(item: OutboxItem): string {
  const name = (item.channelName ?? item.channel).trim();
  return isChannelId(name) ? name : `#${name.replace(/^#/, '')}`;
}

export type BannerTone = 'ok' | 'info' | 'warning' | 'error';

export interface ConnectionBanner {
  tone: BannerTone;
  symbol: string;
  title: string;
  message: string;
  fix?: string;
  /** When Herald checks again, in words. */
  nextCheck?: string;
}

export function connectionBanner(status: ConnectionStatus | null, nowMs: number): ConnectionBanner {
  if (status === null || status.state === 'unknown') {
    return {
      tone: 'info',
      symbol: '…',
      title: 'Checking the connection to Slack',
      message: status?.message ?? 'Messages wait here until Herald knows Slack can be reached.',
    };
  }
  const extra = status.fix ? { fix: status.fix } : {};
  switch (status.state) {
    case 'online':
      return {
        tone: 'ok',
        symbol: '✓',
        title: 'Connected to Slack',
        message: 'Messages go out as soon as they are queued, in order for each channel.',
      };
    case 'offline':
      return {
        tone: 'warning',
        symbol: '⚠',
        title: 'Offline: messages are waiting',
        // Core's message already says the queue waits and nothing is lost.
        message: status.message,
        ...extra,
        ...(status.nextCheckAtUtc
          ? { nextCheck: `Herald checks again ${formatRelative(Date.parse(status.nextCheckAtUtc), nowMs)}.` }
          : {}),
      };
    case 'auth_stopped':
      return {
        tone: 'error',
        // ✗ rather than ⛔: the bundled UI font has no glyph for ⛔ and showed a box.
        symbol: '✗',
        title: 'Sending has stopped',
        message: status.message,
        ...extra,
      };
  }
}
