// The shape of a checklist: the structured questions a message of one kind
// must answer, stage by stage. Definitions live in code (the renderer and
// lint need to know what each answer means); the plan may reword help text.

export const checklistKinds = [
  'incident',
  'maintenance',
  'feature',
  'learning',
  'postmortem',
  'success',
  'blog_request',
] as const;
export type ChecklistKind = (typeof checklistKinds)[number];

/**
 * How an answer is entered and stored. Every answer is a string in the draft:
 * instants as ISO 8601 UTC ("2026-04-23T11:00:00.000Z"), choices as the option value.
 */
export type ValueKind =
  'text' | 'paragraph' | 'instant' | 'url' | 'channel' | 'code' | 'time_zone' | 'choice';

/** Where an answer appears in the posted message. */
export type Placement =
  /** Used in the title (through a placeholder) and nowhere else. */
  | 'title'
  /** A "*Heading:* answer" line (or a heading and a code block for code). */
  | 'line'
  /** A plain closing paragraph, such as the apology. */
  | 'closing'
  /** Not shown by itself: another item shows it (a window's end) or it only shapes others (a zone). */
  | 'hidden';

export interface ChoiceOption {
  value: string;
  /** Shown in the composer and used as the placeholder's text. */
  label: string;
}

/** 'all' or a list of stage ids. */
export type StageSet = 'all' | readonly string[];

export interface ChecklistItem {
  id: string;
  /** The question, as the composer asks it. */
  label: string;
  /** Guidance under the question; a team may reword it in its plan. */
  help: string;
  valueKind: ValueKind;
  options?: readonly ChoiceOption[];
  /** Stages whose composer shows this item. */
  appliesAt: StageSet;
  /** Stages at which sending without an answer needs an explicit override. */
  requiredAt: StageSet;
  /** Whether the author may answer "not applicable" (always with a reason). */
  allowsNotApplicable: boolean;
  /** Pre-filled answer for a new draft. */
  defaultValue?: string;
  /** Name used in titles and templates: `{service}`. */
  placeholder: string;
  placement: Placement;
  /** Heading in the message for 'line' items. */
  heading?: string;
  /** For a window's start: the item holding its end, shown as "start to end". */
  rangeEndItemId?: string;
  /** Kept when a draft is saved as a template (stable wording, not this occasion's facts). */
  isReusable?: boolean;
}

export interface StageDefinition {
  id: string;
  name: string;
}

/** A placeholder computed from several answers, such as "Certificate Manager Upgrade". */
export interface DerivedPlaceholder {
  name: string;
  description: string;
  compute: (fields: Readonly<Record<string, string>>) => string;
}

export interface ChecklistDefinition {
  kind: ChecklistKind;
  name: string;
  stages: readonly StageDefinition[];
  items: readonly ChecklistItem[];
  derivedPlaceholders: readonly DerivedPlaceholder[];
}

export function isInStageSet(set: StageSet, stageId: string): boolean {
  return set === 'all' || set.includes(stageId);
}

/** The single stage of checklists whose messages have no lifecycle. */
export const SINGLE_STAGE: StageDefinition = { id: 'message', name: 'Message' };

export const DEFAULT_PLACE_TO_ASK = '#ask-cloud-platform';

/** Placeholders every template may use, whatever its checklist. */
export const GLOBAL_PLACEHOLDERS = ['type', 'stage', 'channel'] as const;
