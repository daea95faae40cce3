// Valid sample arguments for every API channel, generated from the channel's
// own zod schema (through its JSON Schema), so a new channel is covered the
// day it is added. The security tests start from a valid sample and break
// exactly one thing, which proves the break itself is what gets refused.
// A few schemas hold rules JSON Schema cannot express (a real time zone, a
// whole plan); those channels get a hand-written sample below.
import { z } from 'zod';
import { channels, type Channel } from '../../../../shared/api/index.ts';
import { resetToDefaultPlan, validatePlan } from '../../../../shared/plan/index.ts';

type JsonSchema = {
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
};

/** Channels whose rules go beyond JSON Schema: hand-written valid arguments. */
const HAND_WRITTEN: Partial<Record<Channel, unknown>> = {
  'settings:update': { timeZone: 'Europe/London', keepRunningInTray: false },
  'plan:update': { plan: resetToDefaultPlan() },
  // Generated, it would set both threadTs and threadOf (refused together) and fall back to no blocks at all.
  'outbox:enqueue': {
    channel: 'general',
    text: 'x',
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'x' } }],
  },
};

const SAMPLE_NOW = '2026-04-20T09:00:00.000Z';
const PATTERN_CANDIDATES = [
  '1712345678.000100',
  'xoxb-0123456789-abcdef',
  'C0123456789',
  'U0123456789',
  'T0123456789',
  '2026-04-20',
  '09:00',
  'Europe/London',
  'general',
  '#general',
  'x',
  'https://example.com/',
  'GB-ENG',
];

/**
 * Channels whose arguments are checked again inside the handler (the plan is
 * validated whole by validatePlan): arguments the schema accepts are still
 * invalid when this says so.
 */
const DEEPER_CHECKS: Partial<Record<Channel, (args: unknown) => boolean>> = {
  'plan:update': (args) => validatePlan((args as { plan: unknown }).plan).ok,
};

/** Would Herald accept these arguments on `channel`? The schema, then any deeper check the handler makes. */
export function isAcceptable(channel: Channel, args: unknown): boolean {
  const parsed = (channels[channel].args as z.ZodType).safeParse(args ?? {});
  if (!parsed.success) return false;
  const deeper = DEEPER_CHECKS[channel];
  return deeper ? deeper(parsed.data) : true;
}

export function argsJsonSchema(channel: Channel): JsonSchema {
  return z.toJSONSchema(channels[channel].args as z.ZodType, {
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema;
}

function resolveRef(node: JsonSchema, root: JsonSchema): JsonSchema {
  if (!node.$ref) return node;
  const name = node.$ref.replace(/^#\/\$defs\//, '');
  const target = root.$defs?.[name];
  if (!target) throw new Error(`unresolvable $ref ${node.$ref}`);
  return resolveRef(target, root);
}

const SAMPLE_LATER = '2026-04-20T10:00:00.000Z';

/** A string for `node`; the property's name hints at rules JSON Schema cannot carry (a zone, an end after a start). */
function exampleString(node: JsonSchema, key: string | number | undefined): string {
  const min = node.minLength ?? 0;
  const max = node.maxLength ?? Number.POSITIVE_INFINITY;
  const fits = (text: string) => text.length >= min && text.length <= max;
  const name = typeof key === 'string' ? key : '';
  if (node.format === 'date-time') return /^(ends|to|until|last)/i.test(name) ? SAMPLE_LATER : SAMPLE_NOW;
  if (!node.format && !node.pattern) {
    if (/zone$/i.test(name) && fits('Europe/London')) return 'Europe/London';
    if (/date$/i.test(name)) return '2026-04-20';
    if (/url$/i.test(name) && fits('https://example.com/')) return 'https://example.com/';
  }
  if (node.format === 'date') return '2026-04-20';
  if (node.format === 'time') return '09:00:00';
  if (node.format === 'email') return 'comms@example.com';
  if (node.format === 'uri' || node.format === 'url') return 'https://example.com/';
  if (node.format === 'uuid') return '123e4567-e89b-42d3-a456-426614174000';
  if (node.pattern) {
    const pattern = new RegExp(node.pattern, 'u');
    const match = PATTERN_CANDIDATES.find((text) => pattern.test(text) && fits(text));
    if (match) return match;
  }
  return 'x'.repeat(Math.max(min, Math.min(1, max)));
}

function exampleNumber(node: JsonSchema, isInteger: boolean): number {
  let value = node.minimum ?? (node.exclusiveMinimum !== undefined ? node.exclusiveMinimum + 1 : 1);
  if (node.maximum !== undefined) value = Math.min(value, node.maximum);
  if (node.exclusiveMaximum !== undefined && value >= node.exclusiveMaximum)
    value = node.exclusiveMaximum - 1;
  return isInteger ? Math.ceil(value) : value;
}

type Path = ReadonlyArray<string | number>;

/**
 * A value matching `node`. `isFull` also fills optional properties (to reach
 * nested objects). Records the paths of strict objects into `strictObjects`.
 */
function example(
  node: JsonSchema,
  root: JsonSchema,
  isFull: boolean,
  path: Path,
  strictObjects: Path[],
  depth: number,
): unknown {
  const schema = resolveRef(node, root);
  if (depth > 12) return null;
  if ('const' in schema) return schema.const;
  if (schema.enum) return schema.enum[0];
  const options = schema.anyOf ?? schema.oneOf;
  if (options) {
    const option = options.find((candidate) => resolveRef(candidate, root).type !== 'null') ?? options[0]!;
    return example(option, root, isFull, path, strictObjects, depth + 1);
  }
  if (schema.allOf?.[0]) return example(schema.allOf[0], root, isFull, path, strictObjects, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((name) => name !== 'null') : schema.type;
  switch (type) {
    case 'string':
      return exampleString(schema, path[path.length - 1]);
    case 'integer':
    case 'number':
      return exampleNumber(schema, type === 'integer');
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'array': {
      if (schema.prefixItems)
        return schema.prefixItems.map((item, index) =>
          example(item, root, isFull, [...path, index], strictObjects, depth + 1),
        );
      const count = Math.min(schema.maxItems ?? 1, Math.max(schema.minItems ?? 0, isFull ? 1 : 0));
      return Array.from({ length: count }, (_, index) =>
        example(schema.items ?? {}, root, isFull, [...path, index], strictObjects, depth + 1),
      );
    }
    case 'object': {
      const value: Record<string, unknown> = {};
      if (schema.properties && schema.additionalProperties === false) strictObjects.push(path);
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        if (isFull || schema.required?.includes(key))
          value[key] = example(property, root, isFull, [...path, key], strictObjects, depth + 1);
      }
      return value;
    }
    default:
      return 'x';
  }
}

export interface ChannelSample {
  /** Arguments the channel's schema accepts. */
  args: unknown;
  /** Paths (within args) of every strict object in the sample, top level included. */
  strictObjects: Path[];
  source: 'hand-written' | 'generated (all fields)' | 'generated (required fields)';
}

/** Finds strict-object paths in a hand-written sample by walking it against the JSON Schema. */
function strictPathsOf(value: unknown, node: JsonSchema, root: JsonSchema, path: Path, found: Path[]): void {
  const schema = resolveRef(node, root);
  const option = (schema.anyOf ?? schema.oneOf)?.find((candidate) => {
    const resolved = resolveRef(candidate, root);
    return Array.isArray(value)
      ? resolved.type === 'array'
      : typeof value === 'object' && value !== null && resolved.type === 'object';
  });
  if (option) return strictPathsOf(value, option, root, path, found);
  if (Array.isArray(value) && schema.items)
    value.forEach((item, index) => strictPathsOf(item, schema.items!, root, [...path, index], found));
  else if (typeof value === 'object' && value !== null && schema.properties) {
    if (schema.additionalProperties === false) found.push(path);
    for (const [key, child] of Object.entries(value)) {
      const property = schema.properties[key];
      if (property) strictPathsOf(child, property, root, [...path, key], found);
    }
  }
}

/** A valid sample for `channel`, or null when none can be made (the test then names the channel). */
export function sampleFor(channel: Channel): ChannelSample | null {
  const schema = channels[channel].args as z.ZodType;
  const root = argsJsonSchema(channel);
  const handWritten = HAND_WRITTEN[channel];
  if (handWritten !== undefined) {
    const strictObjects: Path[] = [];
    strictPathsOf(handWritten, root, root, [], strictObjects);
    return schema.safeParse(handWritten).success
      ? { args: handWritten, strictObjects, source: 'hand-written' }
      : null;
  }
  for (const isFull of [true, false]) {
    const strictObjects: Path[] = [];
    const args = example(root, root, isFull, [], strictObjects, 0);
    if (schema.safeParse(args).success)
      return {
        args,
        strictObjects,
        source: isFull ? 'generated (all fields)' : 'generated (required fields)',
      };
  }
  return null;
}

/**
 * Every JSON Schema object node with named properties that silently drops
 * unknown ones (zod's default strip), as paths. An object that keeps them
 * (a Block Kit block: `additionalProperties` is a schema) is free-form on
 * purpose; freeFormPaths finds it and the hostile-payload tests attack it.
 */
export function looseObjects(channel: Channel): string[] {
  const root = argsJsonSchema(channel);
  const loose: string[] = [];
  const seen = new Set<JsonSchema>();
  const visit = (node: JsonSchema | boolean | undefined, where: string) => {
    if (node === undefined || typeof node === 'boolean' || seen.has(node)) return;
    seen.add(node);
    const schema = resolveRef(node, root);
    if (schema.properties && schema.additionalProperties === undefined) loose.push(where || '(arguments)');
    for (const [key, property] of Object.entries(schema.properties ?? {}))
      visit(property, where ? `${where}.${key}` : key);
    for (const option of [
      ...(schema.anyOf ?? []),
      ...(schema.oneOf ?? []),
      ...(schema.allOf ?? []),
      ...(schema.prefixItems ?? []),
    ])
      visit(option, where);
    visit(schema.items, `${where}[]`);
    if (typeof schema.additionalProperties === 'object') visit(schema.additionalProperties, `${where}{}`);
  };
  visit(root, '');
  return loose;
}

/**
 * Paths (within the channel's sample) of its free-form values: an `unknown`
 * (any JSON), a map (record) and an object that keeps unknown keys (a Block
 * Kit block). Their shape does not bound them, so their limits must.
 */
export function freeFormPaths(channel: Channel): Array<{ path: Path; isAnyJson: boolean }> {
  const sample = sampleFor(channel);
  if (!sample) return [];
  const root = argsJsonSchema(channel);
  const found: Array<{ path: Path; isAnyJson: boolean }> = [];
  const visit = (value: unknown, node: JsonSchema, path: Path) => {
    const schema = resolveRef(node, root);
    const isUnknown =
      Object.keys(schema).filter((key) => key !== '$schema' && key !== 'default').length === 0;
    if (isUnknown || typeof schema.additionalProperties === 'object') {
      found.push({ path, isAnyJson: isUnknown });
      if (isUnknown) return;
    }
    const option = (schema.anyOf ?? schema.oneOf)?.find((candidate) => {
      const resolved = resolveRef(candidate, root);
      return Array.isArray(value)
        ? resolved.type === 'array'
        : typeof value === 'object' && value !== null && resolved.type === 'object';
    });
    if (option) return visit(value, option, path);
    if (schema.allOf?.[0]) return visit(value, schema.allOf[0], path);
    if (Array.isArray(value) && schema.items)
      value.forEach((item, index) => visit(item, schema.items!, [...path, index]));
    else if (typeof value === 'object' && value !== null && schema.properties) {
      for (const [key, child] of Object.entries(value)) {
        const property = schema.properties[key];
        if (property) visit(child, property, [...path, key]);
      }
    }
  };
  visit(sample.args, root, []);
  return found;
}

/** A deep copy of `value` with `key` set to `extra` on the object at `path`. */
export function withExtraKey(value: unknown, path: Path, key: string, extra: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let target: Record<string | number, unknown> = copy;
  for (const step of path) target = target[step] as Record<string | number, unknown>;
  Object.defineProperty(target, key, { value: extra, enumerable: true, configurable: true, writable: true });
  return copy;
}

/** Every leaf (and inner node) path of a JSON-like value, for one-at-a-time corruption. */
export function valuePaths(value: unknown, path: Path = []): Path[] {
  const paths: Path[] = path.length ? [path] : [];
  if (Array.isArray(value)) value.forEach((item, index) => paths.push(...valuePaths(item, [...path, index])));
  else if (typeof value === 'object' && value !== null)
    for (const [key, child] of Object.entries(value)) paths.push(...valuePaths(child, [...path, key]));
  return paths;
}

/** A deep copy of `value` with the node at `path` replaced by `replacement`. */
export function replacedAt(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let target: Record<string | number, unknown> = copy;
  for (const step of path.slice(0, -1)) target = target[step] as Record<string | number, unknown>;
  target[path[path.length - 1]!] = replacement;
  return copy;
}
