// A draft as Slack will show it: mrkdwn text (the whole message, also the
// notification fallback) and Block Kit blocks (a header, sections cut at
// paragraph breaks to fit Slack's 3,000-character sections, small print).
// Nothing is cut off: checkLimits reports what does not fit.
import type { Plan } from '../plan/index.ts';
import {
  contextBlock,
  headerBlock,
  sectionBlock,
  type RenderedMessage,
  type SlackBlock,
} from '../slack/format/blocks.ts';
import { escapeMrkdwn, plainTextLine } from '../slack/format/escape.ts';
import { splitMrkdwn } from '../slack/format/split-mrkdwn.ts';
import { SLACK_LIMITS } from '../slack/limits.ts';
import type { Draft } from './draft.ts';
import { messageParts, type MessageParts, type RenderOptions } from './message-parts.ts';

export type { RenderOptions } from './message-parts.ts';

function joinText(parts: MessageParts): string {
  const title = parts.title === '' ? [] : [`*${escapeMrkdwn(parts.title)}*`];
  return [...title, ...parts.units].join('\n\n');
}

/** The message as mrkdwn text: bold title, then each paragraph. */
export function renderMrkdwn(draft: Draft, plan: Plan, options: RenderOptions): string {
  return joinText(messageParts(draft, plan, options));
}

/** The message as blocks, with the mrkdwn text as the fallback Slack shows in notifications. */
export function renderBlocks(draft: Draft, plan: Plan, options: RenderOptions): Required<RenderedMessage> {
  const parts = messageParts(draft, plan, options);
  const blocks: SlackBlock[] = [];
  if (parts.title !== '') blocks.push(headerBlock(plainTextLine(parts.title)));
  const sections = splitMrkdwn(parts.units.join('\n\n'), SLACK_LIMITS.sectionTextMaxChars);
  blocks.push(...sections.map(sectionBlock));
  if (parts.context !== '') blocks.push(contextBlock([parts.context]));
  return { text: joinText(parts), blocks };
}
