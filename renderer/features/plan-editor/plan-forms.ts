// The plan editor's forms: what each form holds, how it becomes a change to
// the plan (through shared/plan/plan-edits.ts, the one set of plan edits),
// and where main's verdict on the candidate (plan:check: every problem with
// the path of its field) shows in the form. The check is passed in, so
// nothing here talks to main itself.
import {
  findChecklist,
  GLOBAL_PLACEHOLDERS,
  placeholderNames,
} from '../../../shared/messages/checklists/index.ts';
import type { CommunicationType, CommunicationTypeInput, Plan } from '../../../shared/plan/plan-schema.ts';
import { withChannelRenamed } from '../../../shared/plan/plan-edits.ts';
import {
  isValidChannelName,
  normaliseChannelName,
  TYPE_ID_PATTERN,
  type Cadence,
} from '../../../shared/plan/plan-vocabulary.ts';
import type { PlanProblem } from '../../../shared/plan/validate-plan.ts';
import type { PlanCheck } from '../../server-state/plan-store.ts';

/** A problem's sentence for showing beside its field: a bare "path: " prefix reads badly there. */
export function problemText(problem: PlanProblem): string {
  const prefix = `${problem.path}: `;
  if (problem.path === '' || !problem.message.startsWith(prefix)) return problem.message;
  const rest = problem.message.slice(prefix.length);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** Why renaming #from to `to` cannot be saved, or null when it can. One sentence, however many types use it. */
export async function channelRenameProblem(
  plan: Plan,
  from: string,
  to: string,
  check: PlanCheck,
): Promise<string | null> {
  const next = normaliseChannelName(to);
  if (next === '') return 'Type the channel’s new name.';
  if (next === normaliseChannelName(from)) return `The channel is already called #${next}.`;
  if (!isValidChannelName(next)) {
    return `“${to.trim()}” is not a Slack channel name: use lowercase letters, digits, dashes and underscores, with no spaces, up to 80 characters.`;
  }
  const checked = await check(withChannelRenamed(plan, from, to));
  return checked.ok ? null : [...new Set(checked.error.map(problemText))].join(' ');
}

/** What the type form edits: a type as people think of it, lists as text. */
export interface TypeFormValues {
  name: string;
  audience: string;
  when: Cadence;
  whenNote: string;
  /** Slack channels, separated by commas or spaces, "#" optional. */
  channels: string;
  /** Places a message is copied to by hand (a meeting, the weeknotes), one a line. */
  copyDestinations: string;
  checklist: string;
  stages: string[];
  /** Stages whose thread replies are also shown at the channel's top level. */
  alsoToChannelStages: string[];
  titlePattern: string;
}

export type TypeFormField = keyof TypeFormValues;

export function emptyTypeForm(): TypeFormValues {
  return {
    name: '',
    audience: '',
    when: 'as_required',
    whenNote: '',
    channels: '',
    copyDestinations: '',
    checklist: 'feature',
    stages: stagesOf('feature'),
    alsoToChannelStages: [],
    titlePattern: '',
  };
}

export function typeFormFromType(type: CommunicationType): TypeFormValues {
  return {
    name: type.name,
    audience: type.audience,
    when: type.when,
    whenNote: type.whenNote,
    channels: type.destinations
      .flatMap((item) => (item.kind === 'slack' ? [`#${item.channel}`] : []))
      .join(', '),
    copyDestinations: type.destinations
      .flatMap((item) => (item.kind === 'copy' ? [item.name] : []))
      .join('\n'),
    checklist: type.checklist,
    stages: [...type.stages],
    alsoToChannelStages: [...type.alsoToChannelStages],
    titlePattern: type.titlePattern,
  };
}

/** The stage ids of a checklist, in its order; [] for an unknown one. */
export function stagesOf(checklistKind: string): string[] {
  return findChecklist(checklistKind)?.stages.map((stage) => stage.id) ?? [];
}

/** "{service}, {priority}, …": what a title pattern for this checklist may use. */
export function placeholdersFor(checklistKind: string): string[] {
  const checklist = findChecklist(checklistKind);
  return [...GLOBAL_PLACEHOLDERS, ...(checklist ? placeholderNames(checklist) : [])];
}

/** A stable id from a type's name, unlike any in `taken`: "Release notes" → "release-notes". */
export function typeIdFromName(name: string, taken: ReadonlySet<string>): string {
  let base = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  if (!/^[a-z]/.test(base)) base = `type${base === '' ? '' : `-${base}`}`.slice(0, 40);
  let id = base;
  for (let suffix = 2; taken.has(id); suffix += 1) id = `${base}-${suffix}`;
  return TYPE_ID_PATTERN.test(id) ? id : `type-${taken.size + 1}`;
}

function splitList(text: string, separator: RegExp): string[] {
  return text
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/**
 * The type the form describes. Editing keeps the id, retirement and the
 * per-stage title patterns of stages still chosen; a new type gets an id
 * from its name.
 */
export function typeFromForm(
  values: TypeFormValues,
  base: CommunicationType | undefined,
  takenIds: ReadonlySet<string>,
): CommunicationTypeInput {
  const order = stagesOf(values.checklist);
  const stages = order.length > 0 ? order.filter((stage) => values.stages.includes(stage)) : values.stages;
  const keepsChecklist = base !== undefined && base.checklist === values.checklist;
  const stageTitlePatterns = keepsChecklist
    ? Object.fromEntries(Object.entries(base.stageTitlePatterns).filter(([stage]) => stages.includes(stage)))
    : {};
  return {
    id: base?.id ?? typeIdFromName(values.name, takenIds),
    name: values.name,
    audience: values.audience,
    when: values.when,
    whenNote: values.whenNote,
    destinations: [
      ...splitList(values.channels, /[,\n]+/).map((channel) => ({ kind: 'slack' as const, channel })),
      ...splitList(values.copyDestinations, /\n/).map((name) => ({ kind: 'copy' as const, name })),
    ],
    titlePattern: values.titlePattern,
    stageTitlePatterns,
    checklist: values.checklist,
    stages,
    alsoToChannelStages: values.alsoToChannelStages.filter((stage) => stages.includes(stage)),
    isRetired: base?.isRetired ?? false,
  };
}

/** Which form field a problem at `types.<index>.…` belongs to; null for other types or the plan as a whole. */
export function typeFieldOf(path: string, index: number): TypeFormField | 'form' | null {
  const prefix = `types.${index}`;
  if (path === prefix) return 'form';
  if (!path.startsWith(`${prefix}.`)) return path === 'types' || path === '' ? 'form' : null;
  const [field, , leaf] = path.slice(prefix.length + 1).split('.');
  switch (field) {
    case 'id':
    case 'name':
      return 'name';
    case 'audience':
    case 'when':
    case 'whenNote':
    case 'checklist':
    case 'titlePattern':
      return field;
    case 'stageTitlePatterns':
      return 'titlePattern';
    case 'stages':
      return 'stages';
    case 'alsoToChannelStages':
      return 'alsoToChannelStages';
    case 'destinations':
      return leaf === 'name' ? 'copyDestinations' : 'channels';
    default:
      return 'form';
  }
}

/** The team's help text for one checklist, item id → text ('' = Herald's own). */
export type HelpFormValues = Record<string, string>;

/** Item id a problem at `checklistHelp.<kind>.<item>` belongs to, or null. */
export function helpItemOf(path: string, checklistKind: string): string | null {
  const prefix = `checklistHelp.${checklistKind}.`;
  return path.startsWith(prefix) ? path.slice(prefix.length) : null;
}
