// Changing a repeating event as a series: cancel, or edit, this occurrence and the following ones, or every one.
// The preview says what the change reaches before anything happens — how many occurrences, and which of their
// messages wait in Slack (or the outbox) — and confirming carries out both: each occurrence changes as it would on
// its own (reminders, drafts, a "cancelled" or "rescheduled" draft if users were told), and each message listed
// follows it through the scheduled-follow flow (slack-follow.ts): removed from Slack, or re-written and scheduled
// again, exactly once through the outbox.
import { fail, ok, type Result } from '../../../shared/api/result.ts';
import type { SeriesChange } from '../../../shared/api/channels/calendar.ts';
import type { SeriesScope } from '../../../shared/calendar/event-series.ts';
import type { EventFields } from '../../../shared/calendar/maintenance-event.ts';
import type { SeriesPreview } from '../../../shared/calendar/slack-follow.ts';
import type { Handler } from '../api/router.ts';
import type { CalendarService } from './calendar-service.ts';
import type { SlackFollow } from './slack-follow.ts';

export interface SeriesChangesDeps {
  calendar: Pick<CalendarService, 'seriesOf' | 'cancelSeries' | 'updateSeries'>;
  slackFollow: Pick<SlackFollow, 'messages' | 'follow'>;
}

export interface SeriesChanges {
  preview(id: string, scope: SeriesScope): Promise<Result<SeriesPreview>>;
  cancel(id: string, scope: SeriesScope, reason: string): Promise<Result<SeriesChange>>;
  update(id: string, scope: SeriesScope, fields: EventFields, reason: string): Promise<Result<SeriesChange>>;
  handlers: {
    'calendar:seriesPreview': Handler<'calendar:seriesPreview'>;
    'calendar:cancelSeries': Handler<'calendar:cancelSeries'>;
    'calendar:updateSeries': Handler<'calendar:updateSeries'>;
  };
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export function createSeriesChanges(deps: SeriesChangesDeps): SeriesChanges {
  /**
   * Each changed occurrence's messages that no longer match it follow with the proposed fate (removed for a
   * cancellation, scheduled again for a move): the preview listed them and the lead confirmed.
   */
  async function followAll(eventIds: readonly string[]): Promise<{ followed: number; problems: string[] }> {
    let followed = 0;
    const problems: string[] = [];
    for (const eventId of eventIds) {
      const read = await deps.slackFollow.messages(eventId);
      if (!read.ok) {
        problems.push(read.error.message);
        continue;
      }
      const choices = read.value.messages
        .filter((message) => message.fates.length > 0)
        .map((message) => ({ outboxItemId: message.outboxItemId, fate: message.fates[0]! }));
      if (choices.length === 0) continue;
      const done = await deps.slackFollow.follow(eventId, choices);
      if (done.ok) followed += choices.length;
      else problems.push(done.error.message);
    }
    return { followed, problems };
  }

  function summaryOf(
    verb: string,
    changed: number,
    outcome: { followed: number; problems: string[] },
  ): string {
    const messages =
      outcome.followed === 0
        ? ''
        : ` ${plural(outcome.followed, 'message')} waiting in Slack ${outcome.followed === 1 ? 'follows' : 'follow'} through the outbox.`;
    const problems =
      outcome.problems.length === 0 ? '' : ` Not every message could follow: ${outcome.problems[0]}`;
    return `${plural(changed, 'occurrence')} ${verb}.${messages}${problems}`;
  }

  const service: Omit<SeriesChanges, 'handlers'> = {
    async preview(id, scope) {
      const reached = deps.calendar.seriesOf(id, scope);
      if (!reached.ok) return reached;
      let isCheckedWithSlack = true;
      const occurrences: SeriesPreview['occurrences'] = [];
      for (const occurrence of reached.value) {
        const read = await deps.slackFollow.messages(occurrence.id);
        if (!read.ok) return read;
        isCheckedWithSlack &&= read.value.isCheckedWithSlack;
        // Every message still waiting is listed: a cancellation removes each, and an edit re-writes those whose
        // words or time it changes (which ones is known once it is made).
        const waiting = read.value.messages.filter(
          (message) =>
            message.state === 'scheduled' ||
            ((message.state === 'queued' || message.state === 'held') &&
              (message.scheduleForUtc !== null || message.sendAtUtc !== null)),
        );
        occurrences.push({
          eventId: occurrence.id,
          startsAtUtc: occurrence.startsAtUtc,
          messages: waiting,
        });
      }
      return ok({ occurrences, isCheckedWithSlack });
    },
    async cancel(id, scope, reason) {
      const done = deps.calendar.cancelSeries(id, scope, reason);
      if (!done.ok) return done;
      const outcome = await followAll(done.value.changed);
      return ok({
        changed: done.value.changed.length,
        first: done.value.first,
        summary: summaryOf('cancelled', done.value.changed.length, outcome),
      });
    },
    async update(id, scope, fields, reason) {
      const done = deps.calendar.updateSeries(id, scope, fields, reason);
      if (!done.ok) return done;
      if (done.value.changed.length === 0)
        return fail('invalid_argument', 'Nothing changed: every occurrence already says that.');
      const outcome = await followAll(done.value.changed);
      return ok({
        changed: done.value.changed.length,
        first: done.value.first,
        summary: summaryOf('changed', done.value.changed.length, outcome),
      });
    },
  };

  return {
    ...service,
    handlers: {
      'calendar:seriesPreview': ({ id, scope }) => service.preview(id, scope),
      'calendar:cancelSeries': ({ id, scope, reason }) => service.cancel(id, scope, reason),
      'calendar:updateSeries': ({ id, scope, event, reason }) => service.update(id, scope, event, reason),
    },
  };
}
