// Vitest setup: the shells' loggers print each structured log line to stderr,
// and unit tests that start a shell would fill the test run's output with
// them. Here those lines are recorded instead of printed; anything else on
// stderr (vitest's own reports, a warning, a stack) still prints.
//
// Tests that assert on logs read a memory logger (createMemoryLogger) or the
// log file; `recordedLogLines` keeps what the shells printed, should a test
// want to look.
import { afterEach } from 'vitest';

/** The JSON log lines written to stderr during the current test, oldest first. */
export const recordedLogLines: string[] = [];

const isLogLine = (text: string) => text.startsWith('{"time":') && text.includes('"level":');

const printToStderr = process.stderr.write.bind(process.stderr);

process.stderr.write = ((chunk: unknown, ...rest: unknown[]) => {
  const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : null;
  if (text !== null && isLogLine(text)) {
    recordedLogLines.push(text.trimEnd());
    const callback = rest.find((item): item is () => void => typeof item === 'function');
    callback?.();
    return true;
  }
  return (printToStderr as (...args: unknown[]) => boolean)(chunk, ...rest);
});

afterEach(() => {
  recordedLogLines.length = 0;
});
