// The event's calendar file in Slack. A message whose stage carries the file
// (the calendar settings' choice; by default the announcement and the notices
// of a reschedule or cancellation) is followed by the event as an .ics in its
// thread, queued with it so it goes (once) when the message is in Slack. When
// the event later moves or is called off, each thread whose file no longer
// says what the event says can be sent the new version (same UID, the event's
// higher SEQUENCE, or METHOD:CANCEL), once the lead confirms.
import { fail, ok, type Result } from '../../../shared/api/result.ts';
import type { MaintenanceEvent } from '../../../shared/calendar/maintenance-event.ts';
import type { CalendarFileView } from '../../../shared/calendar/slack-follow.ts';
import type { OutboxItem } from '../../../shared/outbox/outbox-item.ts';
import type { Handler } from '../api/router.ts';
import type { Clock } from '../clock/clock.ts';
import type { OutboxService } from '../outbox/outbox-service.ts';
import { calendarFileComment, calendarFileFor, methodFor } from './ics/calendar-file.ts';

export interface CalendarFilesDeps {
  findEvent: (id: string) => MaintenanceEvent | undefined;
  outbox: Pick<OutboxService, 'list' | 'get' | 'enqueueFile'>;
  /** The stages whose messages carry the file (calendar settings). */
  fileStages: () => readonly string[];
  clock: Clock;
}

export interface CalendarFiles {
  /** Whether a message of this stage carries the event's calendar file. */
  carriesFile(stage: string | undefined): boolean;
  /** The file a message of `stage` about the event would carry now (its name and title), or null. */
  preview(eventId: string, stage: string): { name: string; title: string } | null;
  /** Queues the event's calendar file after a message just queued, when its stage carries one. */
  attach(message: OutboxItem): Result<OutboxItem | null>;
  /** The event's messages that carry its file, each with the file in its thread and whether it is current. */
  views(event: MaintenanceEvent): CalendarFileView[];
  /** Queues the event's file as it now stands into the threads of these messages. */
  update(event: MaintenanceEvent, messageItemIds: readonly string[]): { queued: number; problems: string[] };
  handlers: { 'calendar:filePreview': Handler<'calendar:filePreview'> };
}

/** Messages that are, or will be, in Slack. */
const isOnItsWay = (item: OutboxItem) =>
  item.state === 'sent' ||
  item.state === 'scheduled' ||
  item.state === 'queued' ||
  item.state === 'sending' ||
  item.state === 'held';

export function createCalendarFiles(deps: CalendarFilesDeps): CalendarFiles {
  const nowIso = () => new Date(deps.clock.now()).toISOString();
  const carriesFile = (stage: string | undefined) => stage !== undefined && deps.fileStages().includes(stage);

  /** The newest file queued with the message that still counts (not replaced, not dropped). */
  function latestFileOf(messageId: string): OutboxItem | undefined {
    return deps.outbox
      .list()
      .items.filter(
        (item) => item.kind === 'file' && item.waitsFor === messageId && item.state !== 'cancelled',
      )
      .at(-1);
  }

  const isCurrentFor = (event: MaintenanceEvent, file: OutboxItem | undefined) => {
    const facts = file?.file?.calendar;
    return (
      facts !== undefined &&
      facts !== null &&
      file?.state !== 'failed' &&
      facts.method === methodFor(event) &&
      facts.startsAtUtc === event.startsAtUtc &&
      facts.endsAtUtc === event.endsAtUtc
    );
  };

  function viewOf(event: MaintenanceEvent, message: OutboxItem): CalendarFileView {
    const file = latestFileOf(message.id);
    const isCurrent = isCurrentFor(event, file);
    return {
      messageItemId: message.id,
      stage: message.source.stage ?? null,
      channel: message.channelName ?? message.channel.replace(/^#/, ''),
      messageState: message.state,
      file:
        file?.file == null
          ? null
          : {
              itemId: file.id,
              name: file.file.name,
              title: file.file.title,
              state: file.state,
              sequence: file.file.calendar?.sequence ?? null,
              method: file.file.calendar?.method ?? null,
              sentAtUtc: file.sentAtUtc,
              permalink: file.permalink,
              problem: file.problem,
            },
      isCurrent,
      // A message still to be scheduled again follows the event with its own file; the rest are sent one here.
      canUpdate: !isCurrent && message.state !== 'scheduled',
    };
  }

  function queueFor(event: MaintenanceEvent, message: OutboxItem, isUpdate: boolean): Result<OutboxItem> {
    return deps.outbox.enqueueFile({
      withItemId: message.id,
      file: calendarFileFor(event, nowIso()),
      comment: calendarFileComment(event, isUpdate),
      source: { eventId: event.id },
    });
  }

  const messagesOf = (eventId: string) =>
    deps.outbox
      .list()
      .items.filter(
        (item) =>
          item.kind === 'message' &&
          item.source.eventId === eventId &&
          carriesFile(item.source.stage) &&
          isOnItsWay(item),
      );

  function preview(eventId: string, stage: string): { name: string; title: string } | null {
    const event = deps.findEvent(eventId);
    if (!event || !carriesFile(stage)) return null;
    const file = calendarFileFor(event, nowIso());
    return { name: file.name, title: file.title };
  }

  return {
    carriesFile,
    preview,
    attach(message) {
      const eventId = message.source.eventId;
      if (message.kind !== 'message' || eventId === undefined || !carriesFile(message.source.stage))
        return ok(null);
      const event = deps.findEvent(eventId);
      if (!event) return fail('not_found', 'That maintenance event no longer exists.');
      return queueFor(event, message, message.source.stage === 'rescheduled');
    },
    views(event) {
      return messagesOf(event.id).map((message) => viewOf(event, message));
    },
    update(event, messageItemIds) {
      let queued = 0;
      const problems: string[] = [];
      for (const id of messageItemIds) {
        const message = deps.outbox.get(id);
        if (!message || message.source.eventId !== event.id || !carriesFile(message.source.stage)) {
          problems.push('A message is no longer there to send the calendar file with.');
          continue;
        }
        if (!viewOf(event, message).canUpdate) continue;
        const result = queueFor(event, message, true);
        if (result.ok) queued += 1;
        else problems.push(result.error.message);
      }
      return { queued, problems };
    },
    handlers: { 'calendar:filePreview': ({ id, stage }) => Promise.resolve(ok(preview(id, stage))) },
  };
}
