// What the composer says after Send, from the outbox item as it is now (not
// as it was when the send was answered): sending, sent with its link,
// queued because Slack cannot be reached, scheduled in Slack for a time,
// held for the lead, or failed with the reason and the fix. Pure: the
// notice re-renders it on every outbox:changed for the item it follows.
import type { ConnectionState } from '../../../shared/outbox/connection-status.ts';
import type { OutboxItem } from '../../../shared/outbox/outbox-item.ts';
import { formatInstant } from '../../../shared/time/index.ts';

/** The parts of an outbox item the notice reads (the send answer gives only the first two). */
export type FollowedItem = Pick<OutboxItem, 'id' | 'state'> &
  Partial<
    Pick<
      OutboxItem,
      | 'permalink'
      | 'problem'
      | 'scheduleForUtc'
      | 'sendAtUtc'
      | 'heldReason'
      | 'channelName'
      | 'channel'
      | 'threadOf'
      | 'threadTs'
      | 'isOutcomeUnclear'
      | 'kind'
      | 'waitsFor'
    >
  >;

export interface SendFeedback {
  tone: 'success' | 'info' | 'error';
  /** One sentence that stands alone for a screen reader. */
  text: string;
  /** What to do about it, when something is wrong. */
  fix?: string;
  /** The message in Slack, once it is there. */
  permalink?: string;
  /** True once nothing more will change by itself (the notice stops following the item). */
  isSettled: boolean;
}

function where(item: FollowedItem): string {
  const name = (item.channelName ?? item.channel ?? '').replace(/^#/, '').trim();
  return name === '' ? 'Slack' : `#${name}`;
}

/** "Wed 16 Dec 12:00": the day and time, in the lead's zone. */
function when(iso: string, zone: string): string {
  return formatInstant(Date.parse(iso), zone, { withYear: false, withZone: false }).replace(',', '');
}

/** An edit of a message in Slack (chat.update): the same states, in words about the edit. */
function editFeedback(item: FollowedItem, connection: ConnectionState | null): SendFeedback {
  switch (item.state) {
    case 'sent':
      return {
        tone: 'success',
        text: `Edited ✓ in ${where(item)}.`,
        ...(item.permalink ? { permalink: item.permalink } : {}),
        isSettled: Boolean(item.permalink),
      };
    case 'failed':
      return {
        tone: 'error',
        text: `Not edited: ${item.problem?.message ?? 'Slack refused the edit.'}`,
        fix: item.problem?.fix || 'Open the Outbox to retry it.',
        isSettled: false,
      };
    case 'held':
      return {
        tone: 'error',
        text: `Held, not edited: ${item.problem?.message ?? 'it waits for you in the Outbox.'}`,
        fix: item.problem?.fix || 'Open the Outbox to confirm it.',
        isSettled: false,
      };
    case 'cancelled':
      return {
        tone: 'info',
        text: `The edit was not made: ${item.problem?.message ?? 'it was cancelled.'}`,
        isSettled: true,
      };
    case 'scheduled':
    case 'queued':
    case 'sending':
      if (connection === 'offline')
        return {
          tone: 'info',
          text: 'Edit queued: Slack cannot be reached. The message is edited as soon as Slack answers.',
          isSettled: false,
        };
      if (connection === 'auth_stopped')
        return {
          tone: 'error',
          text: 'Edit queued, not made: Slack is not connected.',
          fix: 'Connect Slack in Settings; the edit is made once it is.',
          isSettled: false,
        };
      if (item.waitsFor)
        return {
          tone: 'info',
          text: 'Edit queued: it is made as soon as the message it corrects is in Slack.',
          isSettled: false,
        };
      return { tone: 'info', text: `Editing the message in ${where(item)}…`, isSettled: false };
  }
}

export function sendFeedback(
  item: FollowedItem,
  connection: ConnectionState | null,
  zone: string,
): SendFeedback {
  if (item.kind === 'edit') return editFeedback(item, connection);
  switch (item.state) {
    case 'sent':
      return {
        tone: 'success',
        text: `Sent ✓ to ${where(item)}.`,
        ...(item.permalink ? { permalink: item.permalink } : {}),
        // The permalink can follow the ts by a moment.
        isSettled: Boolean(item.permalink),
      };
    case 'scheduled':
      return item.scheduleForUtc
        ? {
            tone: 'success',
            text: `Scheduled in Slack for ${when(item.scheduleForUtc, zone)}.`,
            isSettled: false,
          }
        : { tone: 'success', text: 'Scheduled in Slack.', isSettled: false };
    case 'failed':
      return {
        tone: 'error',
        text: `Not sent: ${item.problem?.message ?? 'Slack refused it.'}`,
        fix: item.problem?.fix || 'Open the Outbox to retry it or change it.',
        isSettled: false,
      };
    case 'held':
      return {
        tone: 'error',
        text: `Held, not sent: ${item.problem?.message ?? 'it waits for you in the Outbox.'}`,
        fix: item.problem?.fix || 'Open the Outbox to confirm it or give it a new time.',
        isSettled: false,
      };
    case 'cancelled':
      return { tone: 'info', text: 'Cancelled: it will not be sent.', isSettled: true };
    case 'queued':
    case 'sending':
      if (item.sendAtUtc)
        return {
          tone: 'info',
          text: `Herald sends it at ${when(item.sendAtUtc, zone)} (Herald must be running then).`,
          isSettled: false,
        };
      if (item.scheduleForUtc)
        return {
          tone: 'info',
          text: `Being scheduled in Slack for ${when(item.scheduleForUtc, zone)}…`,
          isSettled: false,
        };
      if (connection === 'offline')
        return {
          tone: 'info',
          text: 'Queued: Slack cannot be reached. It goes as soon as Slack answers.',
          isSettled: false,
        };
      if (connection === 'auth_stopped')
        return {
          tone: 'error',
          text: 'Queued, not sent: Slack is not connected.',
          fix: 'Connect Slack in Settings; the message goes once it is.',
          isSettled: false,
        };
      if (item.threadOf && !item.threadTs)
        return {
          tone: 'info',
          text: 'Queued: it goes as soon as the message it replies to is in Slack.',
          isSettled: false,
        };
      return { tone: 'info', text: `Sending to ${where(item)}…`, isSettled: false };
  }
}
