// Message titles: generated from the plan's pattern and the draft's answers
// ("High Priority Incident Declared - Cloud Platform"), overridable by the
// author, and checked for being present, descriptive and short enough for a
// Slack header.
import { findType } from '../plan/plan-lookups.ts';
import type { CommunicationType, Plan } from '../plan/plan-schema.ts';
import { SLACK_LIMITS } from '../slack/limits.ts';
import { findChecklist } from './checklists/index.ts';
import type { Draft } from './draft.ts';
import { placeholderValues } from './placeholders.ts';
import { fillTemplate } from './template-text.ts';

const SEPARATOR = /^[-–—:|,·]+$/;

/**
 * One line, single spaces, and no separator left dangling where a
 * placeholder was empty: "- Certificate Manager Upgrade" loses its dash.
 */
export function tidyTitle(text: string): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const kept: string[] = [];
  for (const word of words) {
    if (word === '') continue;
    if (SEPARATOR.test(word) && (kept.length === 0 || SEPARATOR.test(kept.at(-1) ?? ''))) continue;
    kept.push(word);
  }
  while (kept.length > 0 && SEPARATOR.test(kept.at(-1) ?? '')) kept.pop();
  return kept.join(' ');
}

/** The pattern a draft's title comes from: the author's own, the stage's, or the type's. */
export function titlePatternFor(
  draft: Pick<Draft, 'title' | 'stage'>,
  type: CommunicationType | undefined,
): string {
  if (draft.title !== undefined && draft.title.trim() !== '') return draft.title;
  if (type === undefined) return '';
  return type.stageTitlePatterns[draft.stage] ?? type.titlePattern;
}

export interface GeneratedTitle {
  title: string;
  /** Placeholders the pattern names but this type cannot fill. */
  unknown: string[];
  /** Placeholders with no answer yet. */
  empty: string[];
}

/** The draft's title as plain text (the header block shows it as is). */
export function titleOf(draft: Draft, plan: Plan, options: { zone: string }): GeneratedTitle {
  const type = findType(plan, draft.typeId);
  const checklist = type && findChecklist(type.checklist);
  const pattern = titlePatternFor(draft, type);
  const values =
    type && checklist
      ? placeholderValues(draft, type, checklist, { format: 'plain', zone: options.zone })
      : {};
  const filled = fillTemplate(pattern, values);
  return { title: tidyTitle(filled.text), unknown: filled.unknown, empty: filled.empty };
}

export type TitleProblemCode = 'missing_title' | 'title_not_descriptive' | 'title_too_long';

export interface TitleProblem {
  code: TitleProblemCode;
  message: string;
}

/** Words that say what kind of message it is, but not what it is about. */
const GENERIC_WORDS = new Set(
  (
    'a an and the of to for on in at is are be this that with from by about please read new now all hi hello team everyone fyi ' +
    'incident incidents update updates upgrade upgrades maintenance declared resolved closed open high medium low priority ' +
    'action actions required important urgent notice announcement reminder starting started complete completed cancelled ' +
    'rescheduled change changes message info information news service services issue issues problem problems outage feature ' +
    'features postmortem success blog post request'
  ).split(' '),
);

/** True when at least one word says what the message is about, not just what kind it is. */
export function isDescriptiveTitle(title: string): boolean {
  const words = title.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}.'’]*/gu) ?? [];
  return words.some((word) => !GENERIC_WORDS.has(word.replace(/[.'’]+$/, '')));
}

/** What is wrong with a title, if anything. */
export function checkTitle(title: string): TitleProblem[] {
  const tidy = tidyTitle(title);
  if (tidy === '') {
    return [
      {
        code: 'missing_title',
        message:
          'The message has no title. Give it a bold title that says what it is about, such as "Incident - Sentry unavailable".',
      },
    ];
  }
  const problems: TitleProblem[] = [];
  if (!isDescriptiveTitle(tidy)) {
    problems.push({
      code: 'title_not_descriptive',
      message: `"${tidy}" does not say what the message is about. Name the service or change, as in "Kubernetes 1.14 Upgrade".`,
    });
  }
  if (tidy.length > SLACK_LIMITS.headerTextMaxChars) {
    problems.push({
      code: 'title_too_long',
      message: `The title is ${tidy.length} characters; a Slack header holds ${SLACK_LIMITS.headerTextMaxChars}. Shorten it and put the detail in the message.`,
    });
  }
  return problems;
}
