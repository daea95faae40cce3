// The structured log on disk, one JSON line per event, so a diagnostics
// bundle can include the last day of it. Lines arrive already redacted by the
// logger. The file rotates at a fixed size (one previous file is kept), so
// the log never grows without bound.
import { appendFileSync, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const LOG_FILE_NAME = 'herald.log';
export const PREVIOUS_LOG_FILE_NAME = 'herald.1.log';
export const MAX_LOG_FILE_BYTES = 5 * 1024 * 1024;

export interface LogFile {
  append(line: string): void;
  readonly path: string;
}

export function openLogFile(dir: string, maxBytes = MAX_LOG_FILE_BYTES): LogFile {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, LOG_FILE_NAME);
  let size = existsSync(path) ? statSync(path).size : 0;
  return {
    path,
    append(line) {
      const bytes = Buffer.byteLength(line) + 1;
      try {
        if (size + bytes > maxBytes && size > 0) {
          renameSync(path, join(dir, PREVIOUS_LOG_FILE_NAME));
          size = 0;
        }
        appendFileSync(path, `${line}\n`, { mode: 0o600 });
        size += bytes;
      } catch {
        // A full or read-only disk must not take Herald down with it; stderr still has the line.
      }
    },
  };
}
