// The wire schema of a result's error, and the sentence main makes of zod's
// issues. Kept apart from result.ts so the renderer never loads zod.
import { z } from 'zod';
import { errorCodes, type ApiError } from './result.ts';

export const apiErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  /** Optional hint: what the user can do about it. */
  fix: z.string().optional(),
  /** For invalid_argument: the path of each offending field. */
  fields: z.array(z.string()).optional(),
  /** For invalid_argument: the first problem of each field, by path. */
  fieldErrors: z.record(z.string(), z.string()).optional(),
});

// The schema and the plain type describe the same object: a change to one without the other fails to compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesType: Same<z.output<typeof apiErrorSchema>, ApiError> = true;
void schemaMatchesType;

/** A path step as shown: keys come from the caller, so a long one is cut rather than echoed back whole. */
function stepOf(step: PropertyKey): string {
  const text = String(step);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

const pathOf = (path: readonly PropertyKey[]) =>
  path.slice(0, 20).map(stepOf).join('.') + (path.length > 20 ? '.…' : '');

/**
 * Turns zod issues into one readable sentence, the field paths, and each field's first problem. Bounded: a hostile
 * payload can raise thousands of issues with huge keys, and none of that is echoed back whole.
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): {
  message: string;
  fields: string[];
  fieldErrors: Record<string, string>;
} {
  const fields = issues.slice(0, 50).map((issue) => (issue.path.length ? pathOf(issue.path) : '(arguments)'));
  const fieldErrors: Record<string, string> = {};
  for (const [index, field] of fields.entries()) fieldErrors[field] ??= issues[index]!.message;
  const parts = issues.slice(0, 5).map((issue) => {
    const where = issue.path.length ? pathOf(issue.path) : 'arguments';
    return `${where}: ${issue.message}`;
  });
  const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : '';
  return { message: `Invalid arguments — ${parts.join('; ')}${more}`, fields, fieldErrors };
}
