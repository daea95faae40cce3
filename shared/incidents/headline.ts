// The incident's headline: the declaration at the channel's top level, kept
// current at every stage (chat.update) so a reader scanning the channel sees
// where the incident stands without opening the thread: its status, the
// promise of the next update or when it was resolved, a link to the latest
// reply and, later, the postmortem. Pure and zod-free: core renders it, tests
// and the renderer can too.
import type { RenderedMessage, SlackBlock } from '../slack/format/blocks.ts';
import { contextBlock, headerBlock, sectionBlock } from '../slack/format/blocks.ts';
import { escapeMrkdwn, plainTextLine, slackLink } from '../slack/format/escape.ts';
import { slackDate } from '../time/slack-date.ts';
import { openInHeraldMrkdwn } from '../deep-links/open-in-herald.ts';

export const incidentStatuses = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];

export const incidentStatusLabels: Readonly<Record<IncidentStatus, string>> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
};

/** The status a stage's answer names, if it names one (the incident checklist's `status` choice). */
export function statusFromAnswer(answer: string | undefined): IncidentStatus | undefined {
  return incidentStatuses.find((status) => status === answer && status !== 'resolved');
}

export interface HeadlineFacts {
  /** The title for the stage the incident is at ("Incident Resolved - Sentry"; the declaration's own while declared). */
  title: string;
  status: IncidentStatus;
  /** The promise in force; ignored once resolved. */
  nextUpdateAtUtc: string | null;
  resolvedAtUtc: string | null;
  /** The newest reply in the thread, with a short label ("Update", "Resolution", "Postmortem"). */
  latestReply: { label: string; permalink: string } | null;
  /** The postmortem document, once shared. */
  postmortemUrl: string | null;
  /** The incident's id, for the "Open in Herald" link in the small print (none when absent). */
  incidentId?: string;
}

const TIME_FORMAT = '{time}';

/** "*Status: Monitoring* · Next update by 14:30" (the time in each reader's own zone). */
export function headlineStatusLine(facts: HeadlineFacts, zone: string): string {
  const status = `*Status: ${incidentStatusLabels[facts.status]}*`;
  if (facts.status === 'resolved') {
    const at = facts.resolvedAtUtc === null ? null : Date.parse(facts.resolvedAtUtc);
    return at === null ? status : `${status} · Resolved at ${slackDate(at, zone, TIME_FORMAT)}`;
  }
  if (facts.nextUpdateAtUtc === null) return status;
  return `${status} · Next update by ${slackDate(Date.parse(facts.nextUpdateAtUtc), zone, TIME_FORMAT)}`;
}

/** "Latest: <link|Update> · Postmortem: <link|…>", or '' when there is nothing to link yet. */
export function headlineLinksLine(facts: HeadlineFacts): string {
  const parts: string[] = [];
  if (facts.latestReply)
    parts.push(`Latest: ${slackLink(facts.latestReply.permalink, facts.latestReply.label)}`);
  if (facts.postmortemUrl) parts.push(`Postmortem: ${slackLink(facts.postmortemUrl, 'read the postmortem')}`);
  return parts.join(' · ');
}

const KEPT_UP_TO_DATE = 'Kept up to date as the incident moves on; every update is in the thread.';

/** The headline's small print, ending with its "Open in Herald" link. */
function headlineSmallPrint(facts: HeadlineFacts): string {
  const link = openInHeraldMrkdwn(facts.incidentId ? { kind: 'incident', id: facts.incidentId } : null);
  return link === '' ? KEPT_UP_TO_DATE : `${KEPT_UP_TO_DATE} · ${link}`;
}

/**
 * The headline message. `declaration` is the declaration as the lead wrote it (re-rendered without its
 * next-update line, which the status line now carries); without it the headline stands on the title alone.
 * The status goes straight under the title, so it is the first thing a reader sees.
 */
export function renderHeadline(
  facts: HeadlineFacts,
  declaration: RenderedMessage | null,
  zone: string,
): Required<RenderedMessage> {
  const status = headlineStatusLine(facts, zone);
  const links = headlineLinksLine(facts);
  const summary = [status, links].filter((line) => line !== '').join('\n');
  const declared = declaration?.blocks ?? [];
  const [first, ...rest] = declared;
  const title: SlackBlock = first?.type === 'header' ? first : headerBlock(plainTextLine(facts.title));
  const body = first?.type === 'header' ? rest : declared;
  const blocks: SlackBlock[] = [
    title,
    sectionBlock(summary),
    ...body,
    contextBlock([headlineSmallPrint(facts)]),
  ];
  const declarationText = declaration?.text ?? escapeMrkdwn(facts.title);
  const [titleLine = '', ...declarationRest] = declarationText.split('\n');
  const text = [titleLine, summary, ...declarationRest].join('\n');
  return { text, blocks };
}
