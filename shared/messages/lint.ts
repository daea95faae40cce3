// Live advice on a draft: the state of each checklist item, and warnings
// about anything that would make the message unclear, broken or a broken
// promise. Total by design: any input, however malformed, gets an answer,
// because the composer calls it on every keystroke with half-typed data.
import { findType, slackChannelsOf } from '../plan/plan-lookups.ts';
import type { CommunicationType, Plan } from '../plan/plan-schema.ts';
import { isValidChannelName } from '../plan/plan-vocabulary.ts';
import { isLinkableUrl } from '../slack/format/escape.ts';
import { checkLimits } from '../slack/limits.ts';
import { isValidTimeZone } from '../time/zoned.ts';
import {
  findChecklist,
  isRequiredAt,
  itemsForStage,
  type ChecklistDefinition,
  type ChecklistItem,
} from './checklists/index.ts';
import { answerOf, instantOf, type Draft } from './draft.ts';
import { renderBlocks } from './render.ts';
import { messageParts } from './message-parts.ts';
import { checkTitle } from './titles.ts';

export type ChecklistState = 'done' | 'missing' | 'not_applicable';

export interface ChecklistEntry {
  itemId: string;
  label: string;
  state: ChecklistState;
  required: boolean;
}

/** Stable warning codes: the composer may key help or styling on them. Add new ones; never rename. */
export type LintCode =
  | 'invalid_draft'
  | 'invalid_plan'
  | 'lint_failed'
  | 'unknown_type'
  | 'unknown_stage'
  | 'retired_type'
  | 'missing_required'
  | 'invalid_answer'
  | 'not_applicable_not_allowed'
  | 'not_applicable_needs_reason'
  | 'next_update_missing'
  | 'next_update_in_past'
  | 'window_no_end'
  | 'window_end_before_start'
  | 'start_in_past'
  | 'deadline_after_start'
  | 'deadline_in_past'
  | 'no_change_notes'
  | 'no_place_to_ask'
  | 'no_apology'
  | 'no_channel'
  | 'invalid_channel'
  | 'channel_not_in_plan'
  | 'copy_only'
  | 'not_in_thread'
  | 'missing_title'
  | 'title_not_descriptive'
  | 'title_too_long'
  | 'unknown_placeholder'
  | 'empty_message'
  | 'over_slack_limit'
  | 'near_slack_limit';

export interface LintWarning {
  code: LintCode;
  message: string;
  itemId?: string;
  /** Sending anyway needs the author's explicit override, recorded in history. */
  isBlocking: boolean;
  /** Slack itself would refuse or cut the message: no override can send it, the author must change it. */
  isSlackLimit?: true;
}

/** The warnings no override can get past: Slack's own limits. */
export function slackLimitWarnings(result: LintResult): LintWarning[] {
  return result.warnings.filter((warning) => warning.isSlackLimit === true);
}

export interface LintResult {
  checklist: ChecklistEntry[];
  warnings: LintWarning[];
  canSendWithoutOverride: boolean;
}

export interface LintContext {
  nowMs: number;
  zone: string;
  channelIds?: Readonly<Record<string, string>>;
}

/** A more telling warning than "missing" for the items the plan cares most about. */
const MISSING_CODES: Readonly<Record<string, { code: LintCode; message: string }>> = {
  nextUpdateAtUtc: {
    code: 'next_update_missing',
    message: 'Say when the next update will be, as a definite time, and keep to it.',
  },
  endsAtUtc: {
    code: 'window_no_end',
    message: 'The work has a start but no end. Give an expected end, even an estimate.',
  },
  changeNotesUrl: {
    code: 'no_change_notes',
    message: 'Link to change notes so readers can find the detail without a long message.',
  },
  whereToAsk: {
    code: 'no_place_to_ask',
    message: 'Tell readers where to ask questions, such as #ask-cloud-platform.',
  },
  apology: {
    code: 'no_apology',
    message: 'Apologise for the disruption: it tells users we take the problem seriously.',
  },
};

const INCIDENT_FOLLOW_UPS = new Set(['update', 'resolved']);

function isValidAnswer(draft: Draft, item: ChecklistItem): boolean {
  const answer = answerOf(draft, item.id);
  switch (item.valueKind) {
    case 'instant':
      return instantOf(draft, item.id) !== undefined;
    case 'url':
      return isLinkableUrl(answer);
    case 'choice':
      return item.options?.some((option) => option.value === answer) ?? false;
    case 'time_zone':
      return isValidTimeZone(answer);
    default:
      return true;
  }
}

const INVALID_ANSWER: Partial<Record<ChecklistItem['valueKind'], string>> = {
  instant: 'is not a time Herald can read; enter it again',
  url: 'is not a web address starting with https://',
  choice: 'is not one of the choices',
  time_zone: 'is not a known time zone, such as Europe/London',
};

function checkItems(draft: Draft, checklist: ChecklistDefinition, warnings: LintWarning[]): ChecklistEntry[] {
  return itemsForStage(checklist, draft.stage).map((item) => {
    const required = isRequiredAt(item, draft.stage);
    const entry = (state: ChecklistState): ChecklistEntry => ({
      itemId: item.id,
      label: item.label,
      state,
      required,
    });
    if (answerOf(draft, item.id) !== '') {
      if (isValidAnswer(draft, item)) return entry('done');
      warnings.push({
        code: 'invalid_answer',
        itemId: item.id,
        isBlocking: true,
        message: `"${item.label}": the answer ${INVALID_ANSWER[item.valueKind] ?? 'is not valid'}.`,
      });
      return entry('missing');
    }
    if (Object.hasOwn(draft.notApplicable, item.id)) {
      if (!item.allowsNotApplicable) {
        warnings.push({
          code: 'not_applicable_not_allowed',
          itemId: item.id,
          isBlocking: required,
          message: `"${item.label}" always applies to this message; answer it.`,
        });
      } else if ((draft.notApplicable[item.id] ?? '').trim() === '') {
        warnings.push({
          code: 'not_applicable_needs_reason',
          itemId: item.id,
          isBlocking: required,
          message: `"${item.label}" is marked not applicable: say why.`,
        });
      } else {
        return entry('not_applicable');
      }
      return entry('missing');
    }
    if (required) {
      const specific = MISSING_CODES[item.id];
      warnings.push({
        code: specific?.code ?? 'missing_required',
        itemId: item.id,
        isBlocking: true,
        message: specific?.message ?? `Answer "${item.label}".`,
      });
    }
    return entry('missing');
  });
}

function checkTimes(
  draft: Draft,
  checklist: ChecklistDefinition,
  context: LintContext,
  warnings: LintWarning[],
): void {
  const applies = new Set(itemsForStage(checklist, draft.stage).map((item) => item.id));
  const at = (itemId: string) => (applies.has(itemId) ? instantOf(draft, itemId) : undefined);
  const hasNow = Number.isFinite(context.nowMs);
  const nextUpdate = at('nextUpdateAtUtc');
  if (nextUpdate !== undefined && hasNow && nextUpdate <= context.nowMs) {
    warnings.push({
      code: 'next_update_in_past',
      itemId: 'nextUpdateAtUtc',
      isBlocking: true,
      message: 'The next-update time has already passed. Promise a time that is still ahead.',
    });
  }
  const start = at('startsAtUtc');
  const end = at('endsAtUtc');
  if (start !== undefined && end !== undefined && end <= start) {
    warnings.push({
      code: 'window_end_before_start',
      itemId: 'endsAtUtc',
      isBlocking: true,
      message: 'The work ends before it starts. Check both times.',
    });
  }
  const isBeforeWork = ['announcement', 'reminder', 'rescheduled'].includes(draft.stage);
  if (start !== undefined && hasNow && isBeforeWork && start <= context.nowMs) {
    warnings.push({
      code: 'start_in_past',
      itemId: 'startsAtUtc',
      isBlocking: false,
      message: 'The start time has already passed. If the work has begun, use the "Starting" stage.',
    });
  }
  const deadline = at('userActionDeadlineUtc');
  if (deadline !== undefined && start !== undefined && deadline > start) {
    warnings.push({
      code: 'deadline_after_start',
      itemId: 'userActionDeadlineUtc',
      isBlocking: false,
      message: 'Users are asked to act after the work has started. Usually their part comes first.',
    });
  }
  if (deadline !== undefined && hasNow && deadline <= context.nowMs) {
    warnings.push({
      code: 'deadline_in_past',
      itemId: 'userActionDeadlineUtc',
      isBlocking: false,
      message: 'The deadline for users has already passed.',
    });
  }
}

function checkChannel(draft: Draft, type: CommunicationType, warnings: LintWarning[]): void {
  const channels = slackChannelsOf(type);
  const channel = draft.channel.trim().replace(/^#/, '');
  if (channels.length === 0) {
    const copies = type.destinations.flatMap((destination) =>
      destination.kind === 'copy' ? [destination.name] : [],
    );
    warnings.push({
      code: 'copy_only',
      isBlocking: false,
      message: `The plan does not post ${type.name} to Slack; copy it to ${copies.join(' and ')}.`,
    });
  }
  if (channel === '') {
    if (channels.length > 0)
      warnings.push({ code: 'no_channel', isBlocking: true, message: 'Choose a channel to post to.' });
  } else if (!isValidChannelName(channel)) {
    warnings.push({
      code: 'invalid_channel',
      isBlocking: true,
      message: `"${channel}" is not a Slack channel name.`,
    });
  } else if (!channels.includes(channel)) {
    const planned =
      channels.length > 0 ? ` The plan uses ${channels.map((name) => `#${name}`).join(', ')}.` : '';
    warnings.push({
      code: 'channel_not_in_plan',
      isBlocking: false,
      message: `#${channel} is not where the plan sends ${type.name}.${planned}`,
    });
  }
}

function checkMessage(draft: Draft, plan: Plan, context: LintContext, warnings: LintWarning[]): void {
  const options = { zone: context.zone, channelIds: context.channelIds ?? {} };
  const parts = messageParts(draft, plan, options);
  for (const problem of checkTitle(parts.title)) {
    warnings.push({
      code: problem.code,
      message: problem.message,
      isBlocking: problem.code !== 'title_not_descriptive',
      ...(problem.code === 'title_too_long' ? { isSlackLimit: true as const } : {}),
    });
  }
  for (const name of parts.unknownPlaceholders) {
    warnings.push({
      code: 'unknown_placeholder',
      isBlocking: true,
      message: `{${name}} is not a placeholder this message can fill, so it is left out. Write {{${name}}} for literal braces.`,
    });
  }
  for (const problem of checkLimits(renderBlocks(draft, plan, options))) {
    // An over-long title is already reported, in the author's terms, by checkTitle.
    if (problem.code === 'header_too_long' || problem.code === 'header_empty') continue;
    const isError = problem.severity === 'error';
    const code =
      problem.code === 'text_empty' ? 'empty_message' : isError ? 'over_slack_limit' : 'near_slack_limit';
    warnings.push({
      code,
      isBlocking: isError,
      message: problem.message,
      ...(isError && code === 'over_slack_limit' ? { isSlackLimit: true as const } : {}),
    });
  }
}

/** A single blocking warning: nothing else about the draft can be judged. */
export function refusal(code: LintCode, message: string): LintResult {
  return { checklist: [], warnings: [{ code, message, isBlocking: true }], canSendWithoutOverride: false };
}

function lintValid(draft: Draft, plan: Plan, context: LintContext): LintResult {
  const warnings: LintWarning[] = [];
  const type = findType(plan, draft.typeId);
  const checklist = type && findChecklist(type.checklist);
  // Without a known type and stage nothing else can be judged: one clear warning is enough.
  if (type === undefined || checklist === undefined) {
    return refusal(
      'unknown_type',
      `The plan has no message type "${draft.typeId}". Choose a type for this message.`,
    );
  }
  if (!type.stages.includes(draft.stage)) {
    return refusal(
      'unknown_stage',
      `"${draft.stage}" is not a stage of ${type.name}. Choose one of: ${type.stages.join(', ')}.`,
    );
  }
  if (type.isRetired)
    warnings.push({
      code: 'retired_type',
      isBlocking: false,
      message: `${type.name} has been retired from the plan.`,
    });
  const checklistEntries = checkItems(draft, checklist, warnings);
  checkTimes(draft, checklist, context, warnings);
  checkChannel(draft, type, warnings);
  if (type.checklist === 'incident' && INCIDENT_FOLLOW_UPS.has(draft.stage) && draft.threadTs === undefined) {
    warnings.push({
      code: 'not_in_thread',
      isBlocking: false,
      message:
        'Incident updates and closures usually reply in the thread of the declaration, so the story stays in one place.',
    });
  }
  checkMessage(draft, plan, context, warnings);
  return {
    checklist: checklistEntries,
    warnings,
    canSendWithoutOverride: !warnings.some((warning) => warning.isBlocking),
  };
}

/**
 * The checklist state and warnings for a draft and plan already known to be
 * well formed (the composer's, the send path's). Never throws: a bug in a
 * check becomes a blocking warning. Untrusted input goes through lintDraft
 * (lint-input.ts), which checks the shapes first.
 */
export function lintShapedDraft(draft: Draft, plan: Plan, context: LintContext): LintResult {
  try {
    const zone = typeof context?.zone === 'string' && isValidTimeZone(context.zone) ? context.zone : 'UTC';
    const nowMs = typeof context?.nowMs === 'number' ? context.nowMs : Number.NaN;
    return lintValid(draft, plan, { ...context, zone, nowMs });
  } catch (error) {
    // A bug in a check must not take the composer down with it.
    return refusal(
      'lint_failed',
      `Herald could not check this draft (${error instanceof Error ? error.message : 'unexpected error'}).`,
    );
  }
}
