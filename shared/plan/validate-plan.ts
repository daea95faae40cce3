// Checking a whole plan before it is saved: the shape (plan-schema.ts), then
// the rules that span fields, each broken rule as a sentence that names the
// type and field. All or nothing: a plan with any problem is not returned.
import type { z } from 'zod';
import { fail, ok, type Result } from '../api/result.ts';
import {
  checklistKinds,
  findChecklist,
  findItem,
  GLOBAL_PLACEHOLDERS,
  hasStage,
  placeholderNames,
} from '../messages/checklists/index.ts';
import { placeholdersIn } from '../messages/template-text.ts';
import {
  isValidChannelName,
  planSchema,
  TYPE_ID_PATTERN,
  type CommunicationType,
  type Plan,
} from './plan-schema.ts';

export interface PlanProblem {
  /** Dotted path of the offending field, e.g. "types.2.destinations.0.channel". */
  path: string;
  message: string;
}

/** User text inside an error message, cut short: a message must never grow with hostile input. */
function quote(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > 60 ? `${trimmed.slice(0, 60)}…` : trimmed;
}

function typeLabel(input: unknown, index: number): string {
  const types = (input as { types?: unknown } | null)?.types;
  const name = Array.isArray(types) ? (types[index] as { name?: unknown } | undefined)?.name : undefined;
  if (typeof name !== 'string' || name.trim() === '') return `Type ${index + 1}`;
  return `Type "${quote(name)}"`;
}

/** "Type "Incidents", destinations.0.channel: …" from a zod issue. */
function describeShapeIssue(input: unknown, issue: z.core.$ZodIssue): PlanProblem {
  const path = issue.path.map(String).join('.');
  const [first, second, ...rest] = issue.path;
  if (first === 'types' && typeof second === 'number') {
    const field = rest.length > 0 ? rest.map(String).join('.') : 'entry';
    return { path, message: `${typeLabel(input, second)}, ${field}: ${issue.message}.` };
  }
  return { path, message: `${path === '' ? 'The plan' : path}: ${issue.message}.` };
}

function checkPatterns(type: CommunicationType, index: number, problems: PlanProblem[]): void {
  const label = `Type "${quote(type.name)}"`;
  const checklist = findChecklist(type.checklist);
  const known = new Set<string>([
    ...GLOBAL_PLACEHOLDERS,
    ...(checklist === undefined ? [] : placeholderNames(checklist)),
  ]);
  const patterns: Array<[string, string]> = [
    ['titlePattern', type.titlePattern],
    ...Object.entries(type.stageTitlePatterns).map(([stage, pattern]): [string, string] => [
      `stageTitlePatterns.${stage}`,
      pattern,
    ]),
  ];
  for (const [field, pattern] of patterns) {
    // With an unknown checklist every placeholder looks unknown: that is one problem, reported once.
    if (checklist === undefined) break;
    const unknown = placeholdersIn(pattern).filter((name) => !known.has(name));
    if (unknown.length > 0) {
      problems.push({
        path: `types.${index}.${field}`,
        message: `${label}: the title pattern uses ${unknown.map((name) => `{${name}}`).join(', ')}, which the ${checklist.name} checklist does not provide.`,
      });
    }
  }
  if (type.titlePattern === '')
    problems.push({ path: `types.${index}.titlePattern`, message: `${label}: the title pattern is empty.` });
}

function checkType(type: CommunicationType, index: number, problems: PlanProblem[]): void {
  const at = (field: string) => `types.${index}.${field}`;
  const label = type.name === '' ? `Type ${index + 1}` : `Type "${quote(type.name)}"`;
  if (!TYPE_ID_PATTERN.test(type.id)) {
    problems.push({
      path: at('id'),
      message: `${label}: the id "${quote(type.id)}" must start with a letter and use only lowercase letters, digits and dashes (at most 48).`,
    });
  }
  if (type.name === '') problems.push({ path: at('name'), message: `${label}: the name is empty.` });
  if (type.audience === '')
    problems.push({ path: at('audience'), message: `${label}: say who the audience is.` });
  if (type.destinations.length === 0) {
    problems.push({
      path: at('destinations'),
      message: `${label}: add at least one channel or other destination.`,
    });
  }
  const seenChannels = new Set<string>();
  type.destinations.forEach((destination, destinationIndex) => {
    const where = at(`destinations.${destinationIndex}`);
    if (destination.kind === 'copy') {
      if (destination.name === '')
        problems.push({
          path: `${where}.name`,
          message: `${label}: destination ${destinationIndex + 1} has no name.`,
        });
      return;
    }
    if (destination.channel === '') {
      problems.push({
        path: `${where}.channel`,
        message: `${label}: channel ${destinationIndex + 1} is empty; give a Slack channel name such as operations-engineering-update.`,
      });
    } else if (!isValidChannelName(destination.channel)) {
      problems.push({
        path: `${where}.channel`,
        message:
          `${label}: "${quote(destination.channel)}" is not a valid Slack channel name; ` +
          'use lowercase letters, digits, dashes and underscores, with no spaces, up to 80 characters.',
      });
    } else if (seenChannels.has(destination.channel)) {
      problems.push({
        path: `${where}.channel`,
        message: `${label}: #${quote(destination.channel)} is listed twice.`,
      });
    }
    seenChannels.add(destination.channel);
  });
  const checklist = findChecklist(type.checklist);
  if (checklist === undefined) {
    problems.push({
      path: at('checklist'),
      message: `${label}: unknown checklist "${quote(type.checklist)}"; choose one of ${checklistKinds.join(', ')}.`,
    });
  } else {
    if (type.stages.length === 0)
      problems.push({ path: at('stages'), message: `${label}: choose at least one stage.` });
    const seenStages = new Set<string>();
    type.stages.forEach((stage, stageIndex) => {
      if (!hasStage(checklist, stage)) {
        problems.push({
          path: at(`stages.${stageIndex}`),
          message:
            `${label}: "${quote(stage)}" is not a stage of the ${checklist.name} checklist; ` +
            `it has ${checklist.stages.map((known) => known.id).join(', ')}.`,
        });
      } else if (seenStages.has(stage)) {
        problems.push({
          path: at(`stages.${stageIndex}`),
          message: `${label}: the stage "${quote(stage)}" is listed twice.`,
        });
      }
      seenStages.add(stage);
    });
    for (const stage of Object.keys(type.stageTitlePatterns)) {
      if (!type.stages.includes(stage)) {
        problems.push({
          path: at(`stageTitlePatterns.${stage}`),
          message: `${label}: there is a title pattern for "${quote(stage)}", which is not one of this type's stages.`,
        });
      }
    }
    type.alsoToChannelStages.forEach((stage, stageIndex) => {
      if (!type.stages.includes(stage)) {
        problems.push({
          path: at(`alsoToChannelStages.${stageIndex}`),
          message: `${label}: replies at the "${quote(stage)}" stage are set to show in the channel, but it is not one of this type's stages.`,
        });
      }
    });
  }
  checkPatterns(type, index, problems);
}

function checkTypes(plan: Plan, problems: PlanProblem[]): void {
  if (plan.types.length === 0) {
    problems.push({
      path: 'types',
      message: 'The plan has no communication types; add one, or reset to the default plan.',
    });
    return;
  }
  if (plan.types.every((type) => type.isRetired)) {
    problems.push({
      path: 'types',
      message: 'Every communication type is retired; keep at least one in use.',
    });
  }
  const ids = new Map<string, string>();
  const names = new Map<string, string>();
  plan.types.forEach((type, index) => {
    const earlierId = ids.get(type.id);
    if (earlierId !== undefined) {
      problems.push({
        path: `types.${index}.id`,
        message: `Types "${quote(earlierId)}" and "${quote(type.name)}" both use the id "${quote(type.id)}"; ids must be unique.`,
      });
    }
    ids.set(type.id, type.name);
    const nameKey = type.name.toLowerCase();
    if (nameKey !== '' && names.has(nameKey)) {
      problems.push({
        path: `types.${index}.name`,
        message: `Two types are called "${quote(type.name)}"; give each a different name.`,
      });
    }
    names.set(nameKey, type.name);
    checkType(type, index, problems);
  });
}

function checkHelp(plan: Plan, problems: PlanProblem[]): void {
  for (const [kind, items] of Object.entries(plan.checklistHelp)) {
    const checklist = findChecklist(kind);
    if (checklist === undefined) {
      problems.push({
        path: `checklistHelp.${kind}`,
        message: `Help text is given for an unknown checklist "${quote(kind)}".`,
      });
      continue;
    }
    for (const [itemId, help] of Object.entries(items)) {
      const path = `checklistHelp.${kind}.${itemId}`;
      if (findItem(checklist, itemId) === undefined) {
        problems.push({
          path,
          message: `The ${checklist.name} checklist has no item "${quote(itemId)}" to give help text to.`,
        });
      } else if (help === '') {
        problems.push({
          path,
          message: `The help text for "${findItem(checklist, itemId)?.label ?? itemId}" is empty; clear the override to use Herald's own.`,
        });
      }
    }
  }
}

function inspect(input: unknown): { plan: Plan | undefined; problems: PlanProblem[] } {
  const parsed = planSchema.safeParse(input);
  if (!parsed.success)
    return {
      plan: undefined,
      problems: parsed.error.issues.map((issue) => describeShapeIssue(input, issue)),
    };
  const problems: PlanProblem[] = [];
  checkTypes(parsed.data, problems);
  checkHelp(parsed.data, problems);
  return { plan: parsed.data, problems };
}

/** Every problem with `input` as a plan, for Settings to list; empty when it is valid. */
export function planProblems(input: unknown): PlanProblem[] {
  return inspect(input).problems;
}

/**
 * The plan, normalised (trimmed, channel names without "#"), or an
 * invalid_argument error listing every problem. Nothing is half-applied.
 */
export function validatePlan(input: unknown): Result<Plan> {
  const { plan, problems } = inspect(input);
  if (plan === undefined || problems.length > 0) {
    const shown = problems.slice(0, 5).map((problem) => problem.message);
    const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : '';
    return fail('invalid_argument', `The plan was not saved. ${shown.join(' ')}${more}`, {
      fields: problems.map((problem) => problem.path),
    });
  }
  return ok(plan);
}

export type CheckedPlan = Result<Plan, PlanProblem[]>;

/**
 * A candidate plan checked for the plan editor (plan:check): the normalised
 * plan, or every problem with the path of the field it belongs to, so each
 * form can show the problem next to the right control.
 */
export function checkPlan(candidate: unknown): CheckedPlan {
  const checked = validatePlan(candidate);
  if (checked.ok) return { ok: true, value: checked.value };
  const problems = planProblems(candidate);
  // validatePlan refused, so there is at least one problem; keep its message if planProblems found none.
  return {
    ok: false,
    error: problems.length > 0 ? problems : [{ path: '', message: checked.error.message }],
  };
}
