// The values placeholders stand for in one draft: every checklist answer,
// the checklist's derived values and a few globals. Two spellings: plain
// (titles, which Slack shows as plain text) and mrkdwn (message text, where
// answers are escaped and times become Slack date tokens).
import type { CommunicationType } from '../plan/index.ts';
import {
  channelReference,
  codeBlock,
  escapeMrkdwn,
  sanitiseText,
  slackLink,
} from '../slack/format/escape.ts';
import { formatInstant, slackDate } from '../time/index.ts';
import type { ChecklistDefinition, ChecklistItem } from './checklists/index.ts';
import { answerOf, instantOf, zoneOf, type Draft } from './draft.ts';

export type PlaceholderFormat = 'plain' | 'mrkdwn';

export interface PlaceholderOptions {
  format: PlaceholderFormat;
  /** The user's zone, for written-out times when the draft has no zone of its own. */
  zone: string;
  /** Channel name → Slack id, to turn "#name" into a real channel link. */
  channelIds?: Readonly<Record<string, string>>;
}

/** One answer as it appears in a message: '' when unanswered or not a valid value. */
export function formatAnswer(draft: Draft, item: ChecklistItem, options: PlaceholderOptions): string {
  const answer = answerOf(draft, item.id);
  if (answer === '') return '';
  const isMrkdwn = options.format === 'mrkdwn';
  switch (item.valueKind) {
    case 'instant': {
      const epochMs = instantOf(draft, item.id);
      if (epochMs === undefined) return '';
      const zone = zoneOf(draft, options.zone);
      return isMrkdwn ? slackDate(epochMs, zone) : formatInstant(epochMs, zone);
    }
    case 'choice':
      return item.options?.find((option) => option.value === answer)?.label ?? '';
    case 'url':
      return isMrkdwn ? slackLink(answer) : sanitiseText(answer);
    case 'channel':
      return isMrkdwn ? channelReference(answer, options.channelIds) : sanitiseText(answer);
    case 'code':
      return isMrkdwn ? codeBlock(answer) : sanitiseText(answer);
    case 'text':
    case 'paragraph':
    case 'time_zone':
      return isMrkdwn ? escapeMrkdwn(answer) : sanitiseText(answer);
  }
}

/** Every placeholder a template for this type may use, with this draft's values. */
export function placeholderValues(
  draft: Draft,
  type: CommunicationType,
  checklist: ChecklistDefinition,
  options: PlaceholderOptions,
): Record<string, string> {
  const escape = options.format === 'mrkdwn' ? escapeMrkdwn : sanitiseText;
  const answers = Object.fromEntries(checklist.items.map((item) => [item.id, answerOf(draft, item.id)]));
  const channelName = draft.channel.trim().replace(/^#/, '');
  const values: Record<string, string> = {
    type: escape(type.name),
    stage: escape(checklist.stages.find((stage) => stage.id === draft.stage)?.name ?? ''),
    channel:
      channelName === ''
        ? ''
        : options.format === 'mrkdwn'
          ? channelReference(`#${channelName}`, options.channelIds)
          : sanitiseText(`#${channelName}`),
  };
  for (const item of checklist.items) values[item.placeholder] = formatAnswer(draft, item, options);
  for (const derived of checklist.derivedPlaceholders)
    values[derived.name] = escape(derived.compute(answers).trim());
  return values;
}
