// The part of the structured log a diagnostics bundle carries: the last day
// of lines, reduced to what support needs to follow events (time, level,
// event name, ids, codes, states, counts). Free text is dropped, not just
// scanned: any string could be part of a message the lead wrote, so a string
// survives only under a key that names an identifier or a code, and only
// when it is a short single word.
import { readFileSync } from 'node:fs';
import { redactText } from '../logging/logger.ts';

/** Strings kept as they are: identifiers, codes, states, ISO times. Anything with spaces is free text. */
const SAFE_WORD = /^[A-Za-z0-9_.:@/+=-]{1,80}$/;
/** Keys whose string values are identifiers, codes or states, never prose. */
const IDENTIFIER_KEY =
  /(^|[a-z_])(id|ids|code|state|states|level|event|time|utc|at|ms|channel|kind|type|reason|status|method|version|platform|host|store|name|command|screen)$/i;
const MAX_DEPTH = 4;

function sanitise(value: unknown, key: string, depth: number): unknown {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const isIdentifier = IDENTIFIER_KEY.test(key) && SAFE_WORD.test(value) && redactText(value) === value;
    return isIdentifier ? value : `[text ${value.length} chars]`;
  }
  if (depth >= MAX_DEPTH) return '[nested]';
  if (Array.isArray(value)) return value.slice(0, 20).map((item) => sanitise(item, key, depth + 1));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [childKey, item] of Object.entries(value)) {
      if (!SAFE_WORD.test(childKey)) continue;
      out[childKey] = sanitise(item, childKey, depth + 1);
    }
    return out;
  }
  return '[value]';
}

/** One log line made safe for support, or null when it is not a structured line or is older than `sinceMs`. */
export function safeLogLine(line: string, sinceMs: number): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return null;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
  const time = Date.parse(String((parsed as { time?: unknown }).time));
  if (!Number.isFinite(time) || time < sinceMs) return null;
  return JSON.stringify(sanitise(parsed, '', 0));
}

/** The bundle's log stays well inside the 5 MB the diagnostics:build result may carry. */
export const MAX_EXCERPT_BYTES = 3_000_000;

/**
 * The safe lines of the given log files (oldest file first) newer than `sinceMs`, the newest kept when there are
 * more than `maxBytes` of them; missing files are skipped.
 */
export function logExcerpt(
  paths: readonly string[],
  sinceMs: number,
  maxBytes = MAX_EXCERPT_BYTES,
): string[] {
  const lines: string[] = [];
  for (const path of paths) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n')) {
      const safe = safeLogLine(line, sinceMs);
      if (safe) lines.push(safe);
    }
  }
  let bytes = 0;
  let first = lines.length;
  while (first > 0 && bytes + lines[first - 1]!.length + 1 <= maxBytes) {
    first -= 1;
    bytes += lines[first]!.length + 1;
  }
  return lines.slice(first);
}
