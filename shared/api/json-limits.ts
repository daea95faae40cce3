// Bounds for the contract's free-form values (Block Kit blocks, a whole plan
// before it is validated, maps keyed by plan ids). A strict schema bounds a
// value by its shape; a free-form one needs explicit limits on nesting,
// entries and characters, or one request can nest thousands deep or carry
// megabytes that are then stored, rewritten on every change and sent to
// Slack. The walk is iterative, so no depth of input can overflow the stack.
import { z } from 'zod';

export interface JsonLimits {
  /** Levels of objects/arrays inside the value (the value itself is level 1). */
  maxDepth: number;
  /** Objects, arrays and primitives counted together. */
  maxNodes: number;
  /** Characters in all strings and keys together. */
  maxChars: number;
  /** Characters in any one key. */
  maxKeyChars: number;
}

/** Keys refused anywhere in free-form input: they mean nothing to Slack or Herald and can poison prototypes. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

type Path = Array<string | number>;

export type JsonLimitBreach = { message: string; path: Path };

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** The first way `value` breaks `limits` or is not plain JSON, with where; null when it fits. */
export function findJsonLimitBreach(value: unknown, limits: JsonLimits): JsonLimitBreach | null {
  const stack: Array<{ value: unknown; depth: number; path: Path }> = [{ value, depth: 1, path: [] }];
  let nodes = 0;
  let chars = 0;
  while (stack.length > 0) {
    const { value: node, depth, path } = stack.pop()!;
    nodes += 1;
    if (nodes > limits.maxNodes)
      return { message: `has more than ${limits.maxNodes.toLocaleString('en-GB')} values in it`, path: [] };
    if (typeof node === 'string') {
      chars += node.length;
    } else if (typeof node === 'number') {
      if (!Number.isFinite(node)) return { message: 'holds a number that is not finite', path };
    } else if (typeof node === 'object' && node !== null) {
      if (depth > limits.maxDepth)
        return { message: `is nested more than ${limits.maxDepth} levels deep`, path: [] };
      if (Array.isArray(node)) {
        node.forEach((child, index) =>
          stack.push({ value: child, depth: depth + 1, path: [...path, index] }),
        );
      } else if (isPlainObject(node)) {
        for (const key of Object.keys(node)) {
          if (FORBIDDEN_KEYS.has(key)) return { message: `uses the reserved key "${key}"`, path };
          if (key.length > limits.maxKeyChars)
            return { message: `has a key longer than ${limits.maxKeyChars} characters`, path };
          chars += key.length;
          stack.push({
            value: (node as Record<string, unknown>)[key],
            depth: depth + 1,
            path: [...path, key],
          });
        }
      } else {
        return { message: 'holds something that is not plain JSON', path };
      }
    } else if (typeof node !== 'boolean' && node !== null) {
      return { message: 'holds something that is not plain JSON', path };
    }
    if (chars > limits.maxChars)
      return { message: `is longer than ${limits.maxChars.toLocaleString('en-GB')} characters`, path: [] };
  }
  return null;
}

/**
 * `schema` plus the limits: a breach is an issue on the field itself (so the
 * refusal names it), worded like "blocks: is nested more than 12 levels deep".
 */
export function withinJsonLimits<T extends z.ZodType>(schema: T, limits: JsonLimits): T {
  return schema.superRefine((value, context) => {
    const breach = findJsonLimitBreach(value, limits);
    if (breach) context.addIssue({ code: 'custom', message: breach.message, path: breach.path });
  });
}

/** A map with bounded keys, entries and total size (plan item id → answer, type id → schedule). */
export function boundedRecord<V extends z.ZodType>(
  value: V,
  limits: { maxKeyChars: number; maxEntries: number; maxChars?: number },
) {
  const { maxKeyChars, maxEntries, maxChars = Number.POSITIVE_INFINITY } = limits;
  return z
    .record(z.string().max(maxKeyChars), value)
    .refine(
      (record) => Object.keys(record).length <= maxEntries,
      `has more than ${maxEntries.toLocaleString('en-GB')} entries`,
    )
    .refine(
      (record) =>
        Object.entries(record).reduce(
          (sum, [key, entry]) => sum + key.length + (typeof entry === 'string' ? entry.length : 0),
          0,
        ) <= maxChars,
      `is longer than ${maxChars.toLocaleString('en-GB')} characters in all`,
    );
}

/** Checklist answers keyed by plan item id: as many as a plan's longest checklist, with room to spare. */
export const answersRecord = (maxAnswerChars: number) =>
  boundedRecord(z.string().max(maxAnswerChars), { maxKeyChars: 100, maxEntries: 200, maxChars: 1_000_000 });
