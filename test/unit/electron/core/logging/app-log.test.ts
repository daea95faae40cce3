import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAppLog, wantsConsoleLog } from '../../../../../electron/core/logging/app-log.ts';

describe('the app log', () => {
  const dirs: string[] = [];
  const freshDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'herald-app-log-'));
    dirs.push(dir);
    return join(dir, 'logs');
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('writes every line to the log file and nothing to the console by default', () => {
    const console: string[] = [];
    const log = openAppLog(freshDir(), { toConsole: false, writeConsole: (line) => console.push(line) });
    log.logger.info('harness.started', { port: 5199 });
    log.logger.warn('slack.connect_failed', { token: 'xoxb-1-2-secret' });
    const lines = readFileSync(log.path, 'utf8').trim().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { event: string }).event)).toEqual([
      'harness.started',
      'slack.connect_failed',
    ]);
    expect(lines.join('\n')).not.toContain('xoxb-1-2-secret');
    expect(console).toEqual([]);
  });

  it('also writes the same redacted lines to the console when asked', () => {
    const console: string[] = [];
    const log = openAppLog(freshDir(), { toConsole: true, writeConsole: (line) => console.push(line) });
    log.logger.info('slack.connected', { workspace: 'Ministry of Justice', token: 'xoxb-1-2-secret' });
    expect(console).toHaveLength(1);
    expect(console[0]).toContain('"event":"slack.connected"');
    expect(console[0]).not.toContain('xoxb-1-2-secret');
    expect(readFileSync(log.path, 'utf8').trim()).toBe(console[0]);
  });

  it('goes to the console with --verbose or HERALD_LOG=console, and only then', () => {
    expect(wantsConsoleLog([], {})).toBe(false);
    expect(wantsConsoleLog(['.', '--verbose'], {})).toBe(true);
    expect(wantsConsoleLog([], { HERALD_LOG: 'console' })).toBe(true);
    expect(wantsConsoleLog([], { HERALD_LOG: ' Console ' })).toBe(true);
    expect(wantsConsoleLog([], { HERALD_LOG: 'file' })).toBe(false);
    expect(wantsConsoleLog(['--verbose=no'], {})).toBe(false);
  });
});
