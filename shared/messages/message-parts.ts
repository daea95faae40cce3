// A draft laid out as a Slack message, before it is joined into text or
// blocks: the title, paragraph-sized mrkdwn units in reading order (free
// text, the checklist answers, the closing apology) and the small print.
// Both renderers use this, so text and blocks always say the same thing.
import { openInHeraldMrkdwn } from '../deep-links/open-in-herald.ts';
import type { HeraldLinkTarget } from '../deep-links/herald-link.ts';
import { findType } from '../plan/plan-lookups.ts';
import type { Plan } from '../plan/plan-schema.ts';
import { escapeMrkdwn, neutraliseMentionsOutsideTokens } from '../slack/format/escape.ts';
import {
  findChecklist,
  findItem,
  itemsForStage,
  type ChecklistDefinition,
  type ChecklistItem,
} from './checklists/index.ts';
import type { Draft } from './draft.ts';
import { formatAnswer, placeholderValues, type PlaceholderOptions } from './placeholders.ts';
import { fillTemplate } from './template-text.ts';
import { titleOf } from './titles.ts';

export interface RenderOptions {
  /** The user's zone, for written-out times (each reader still sees their own in Slack). */
  zone: string;
  /** Channel name → Slack id, to link "#ask-cloud-platform" properly. */
  channelIds?: Readonly<Record<string, string>>;
  /** The incident or event the message's "Open in Herald" link names (shared/deep-links/open-in-herald.ts). */
  openInHerald?: HeraldLinkTarget | null;
}

export interface MessageParts {
  /** Plain text; '' when there is none. */
  title: string;
  /** mrkdwn paragraphs, in order. */
  units: string[];
  /** mrkdwn small print: the type and stage. */
  context: string;
  /** Placeholders in the title or body that this type cannot fill (left out of the text). */
  unknownPlaceholders: string[];
}

function itemLine(
  draft: Draft,
  checklist: ChecklistDefinition,
  item: ChecklistItem,
  options: PlaceholderOptions,
): string {
  let value = formatAnswer(draft, item, options);
  if (value === '') return '';
  const heading = `*${item.heading ?? item.label}:*`;
  if (item.valueKind === 'code') return `${heading}\n${value}`;
  if (item.rangeEndItemId !== undefined) {
    const endItem = findItem(checklist, item.rangeEndItemId);
    const end = endItem ? formatAnswer(draft, endItem, options) : '';
    if (end !== '') value = `${value} to ${end}`;
  }
  return value.includes('\n') ? `${heading}\n${value}` : `${heading} ${value}`;
}

/** Answer lines, with consecutive one-line answers kept together as one paragraph. */
function answerUnits(
  draft: Draft,
  checklist: ChecklistDefinition,
  options: PlaceholderOptions,
): { lines: string[]; closing: string[] } {
  const lines: string[] = [];
  const closing: string[] = [];
  let group: string[] = [];
  const flush = () => {
    if (group.length > 0) lines.push(group.join('\n'));
    group = [];
  };
  for (const item of itemsForStage(checklist, draft.stage)) {
    if (item.placement === 'closing') {
      const value = formatAnswer(draft, item, options);
      if (value !== '') closing.push(value);
      continue;
    }
    if (item.placement !== 'line') continue;
    const line = itemLine(draft, checklist, item, options);
    if (line === '') continue;
    if (line.includes('\n')) {
      flush();
      lines.push(line);
    } else {
      group.push(line);
    }
  }
  flush();
  return { lines, closing };
}

export function messageParts(draft: Draft, plan: Plan, options: RenderOptions): MessageParts {
  const type = findType(plan, draft.typeId);
  const checklist = type && findChecklist(type.checklist);
  const placeholderOptions: PlaceholderOptions = {
    format: 'mrkdwn',
    zone: options.zone,
    channelIds: options.channelIds ?? {},
  };
  const values = type && checklist ? placeholderValues(draft, type, checklist, placeholderOptions) : {};
  const generated = titleOf(draft, plan, { zone: options.zone });
  const body = fillTemplate(draft.body, values, { escapeText: escapeMrkdwn });
  const units = body.text.trim() === '' ? [] : [neutraliseMentionsOutsideTokens(body.text.trim())];
  let context = '';
  if (type && checklist) {
    const { lines, closing } = answerUnits(draft, checklist, placeholderOptions);
    units.push(...lines, ...closing);
    const stageName =
      checklist.stages.length > 1
        ? checklist.stages.find((stage) => stage.id === draft.stage)?.name
        : undefined;
    context = escapeMrkdwn(stageName === undefined ? type.name : `${type.name} · ${stageName}`);
  }
  const link = openInHeraldMrkdwn(options.openInHerald);
  if (link !== '') context = context === '' ? link : `${context} · ${link}`;
  return {
    title: generated.title,
    units,
    context,
    unknownPlaceholders: [...new Set([...generated.unknown, ...body.unknown])],
  };
}
