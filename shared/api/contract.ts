// The API contract: every request channel and every event, declared once.
// Main-process handlers, the preload bridge, the harness client and the
// renderer's types all derive from this table, and both transports validate
// against it at run time. Add a feature's channels in channels/<feature>.ts
// and spread them in here.
import type { z } from 'zod';
import { appChannels, appEvents } from './channels/app.ts';
import { audienceChannels, audienceEvents } from './channels/audiences.ts';
import { channelDirectoryChannels } from './channels/channels.ts';
import { calendarChannels, calendarEvents } from './channels/calendar.ts';
import { desktopChannels, desktopEvents } from './channels/desktop.ts';
import { draftChannels, draftEvents } from './channels/drafts.ts';
import { historyChannels, historyEvents } from './channels/history.ts';
import { linkChannels, linkEvents } from './channels/links.ts';
import { incidentChannels, incidentEvents, messageChannels } from './channels/messages.ts';
import { outboxChannels, outboxEvents } from './channels/outbox.ts';
import { planChannels, planEvents } from './channels/plan.ts';
import { reminderChannels, reminderEvents } from './channels/reminders.ts';
import { settingsChannels, settingsEvents } from './channels/settings.ts';
import { slackChannels, slackEvents } from './channels/slack.ts';
import { teamChannels, teamEvents } from './channels/team.ts';
import { templateChannels, templateEvents } from './channels/templates.ts';
import type { Result } from './result.ts';

export const channels = {
  ...appChannels,
  ...settingsChannels,
  ...slackChannels,
  ...reminderChannels,
  ...planChannels,
  ...draftChannels,
  ...templateChannels,
  ...messageChannels,
  ...incidentChannels,
  ...calendarChannels,
  ...channelDirectoryChannels,
  ...outboxChannels,
  ...historyChannels,
  ...desktopChannels,
  ...teamChannels,
  ...audienceChannels,
  ...linkChannels,
} as const;

export const events = {
  ...appEvents,
  ...settingsEvents,
  ...slackEvents,
  ...reminderEvents,
  ...planEvents,
  ...draftEvents,
  ...templateEvents,
  ...incidentEvents,
  ...calendarEvents,
  ...outboxEvents,
  ...historyEvents,
  ...desktopEvents,
  ...teamEvents,
  ...audienceEvents,
  ...linkEvents,
} as const;

export type Channel = keyof typeof channels;
export type EventName = keyof typeof events;

/** Arguments as the caller writes them (before defaults are applied). */
export type ArgsIn<C extends Channel> = z.input<(typeof channels)[C]['args']>;
/** Arguments as the handler receives them (validated, defaults applied). */
export type Args<C extends Channel> = z.output<(typeof channels)[C]['args']>;
export type ResultOf<C extends Channel> = z.output<(typeof channels)[C]['result']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/** Channels only the browser harness's --test-clock mode serves. */
export const testOnlyChannels: ReadonlySet<Channel> = new Set<Channel>([
  'testClock:advance',
  'testClock:set',
]);

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(channels, name);
}

/** The object the renderer sees as window.herald, whichever transport serves it. */
export interface HeraldApi {
  invoke<C extends Channel>(channel: C, args: ArgsIn<C>): Promise<Result<ResultOf<C>>>;
  /** Subscribes to an event; returns the unsubscribe function (fits useEffect). */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
