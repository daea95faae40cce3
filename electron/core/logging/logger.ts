// Structured logging with redaction. Log lines may end up in bug reports, so
// anything that looks like a Slack token, a bearer header or a secret-named
// field is replaced before a line is written. Redaction happens here, once,
// rather than trusting every caller to remember.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

const TOKEN_PATTERN = /xox[a-z]-[A-Za-z0-9-]+/g;
const BEARER_PATTERN = /Bearer\s+[A-Za-z0-9._~+/=-]+/gi;
const SECRET_KEY_PATTERN = /token|secret|password|authorization|cookie/i;

export function redactText(text: string): string {
  return text.replace(TOKEN_PATTERN, '[redacted-token]').replace(BEARER_PATTERN, 'Bearer [redacted]');
}

/** Copies a value into something JSON-safe with secrets removed. Never throws. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[deep]';
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return {
      name: value.name,
      message: redactText(value.message),
      ...(typeof code === 'string' ? { code } : {}),
    };
  }
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => redact(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_KEY_PATTERN.test(key) ? '[redacted]' : redact(item, depth + 1);
  }
  return out;
}

export type LogSink = (line: string) => void;

export function createLogger(sink: LogSink, minLevel: LogLevel = 'info'): Logger {
  const order: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };
  const write =
    (level: LogLevel) =>
    (event: string, fields: LogFields = {}) => {
      if (order[level] < order[minLevel]) return;
      const line = JSON.stringify({
        time: new Date().toISOString(),
        level,
        event,
        ...(redact(fields) as LogFields),
      });
      sink(redactText(line));
    };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

/** A logger that keeps lines in memory: for tests that scan what was logged. */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return Object.assign(
    createLogger((line) => lines.push(line), 'debug'),
    { lines },
  );
}
