// The diagnostics bundle from a seeded data folder: a connected token, queued
// and logged message text, a quarantined store, crash dumps. Everything
// support needs is there; the token and the message text are not.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLogFile } from '../../../../../electron/core/logging/log-file.ts';
import { createLogger } from '../../../../../electron/core/logging/logger.ts';
import { logExcerpt, safeLogLine } from '../../../../../electron/core/diagnostics/log-excerpt.ts';
import { makeCore, makeDataDir } from '../../../../support/core-fixture.ts';
import { startFakeSlack, type FakeSlack } from '../../../../fakes/slack-server.ts';

const MESSAGE_TEXT = 'Payments API is down for all customers: we are rolling back release 4471';
const SECOND_MESSAGE = 'Zebra crossing migration finished early';

let fake: FakeSlack | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function seededBundle(options: { crashDumpsDir: string | null }) {
  fake = await startFakeSlack();
  const dataDir = makeDataDir('herald-diagnostics-');
  // A store written by something else: quarantined on open.
  writeFileSync(join(dataDir, 'templates.json'), '{ not json');
  const logDir = join(dataDir, 'logs');
  const logFile = openLogFile(logDir);
  const logger = createLogger((line) => logFile.append(line), 'debug');
  const { core, clock } = makeCore({
    dataDir,
    logger,
    logDir,
    crashDumpsDir: options.crashDumpsDir,
    slackApiUrlOverride: fake.url,
  });
  const connected = await core.router.call('slack:connect', {
    token: fake.botToken,
    acceptWeakProtection: true,
  });
  expect(connected.ok).toBe(true);
  for (const text of [MESSAGE_TEXT, SECOND_MESSAGE]) {
    expect((await core.router.call('outbox:enqueue', { channel: 'ops-update', text })).ok).toBe(true);
  }
  // Careless log lines: message text and the token in fields, as a future bug might write them.
  logger.info('outbox.debug', { text: MESSAGE_TEXT, channel: 'C0123', attempt: 2 });
  logger.warn('slack.request_failed', {
    detail: `token ${fake.botToken} refused`,
    words: SECOND_MESSAGE.split(' '),
  });
  // An old line, from before the last day.
  writeFileSync(
    join(logDir, 'herald.1.log'),
    `${JSON.stringify({ time: new Date(clock.now() - 2 * 24 * 3600_000).toISOString(), level: 'info', event: 'old.event' })}\n`,
  );
  const built = await core.router.call('diagnostics:build', {});
  if (!built.ok) throw new Error(built.error.message);
  return { bundle: built.value, token: fake.botToken, dataDir };
}

describe('the diagnostics bundle', () => {
  it('has the version, platform, stores, quarantined files, counts, connection and the last day of the log', async () => {
    const dumps = mkdtempSync(join(tmpdir(), 'herald-dumps-'));
    mkdirSync(join(dumps, 'completed'));
    writeFileSync(join(dumps, 'completed', 'a1b2c3.dmp'), Buffer.alloc(2048));
    const { bundle } = await seededBundle({ crashDumpsDir: dumps });
    const { text } = bundle;
    expect(bundle.fileName).toMatch(/^herald-diagnostics-\d{4}-\d{2}-\d{2}T\d{6}Z\.txt$/);
    expect(text).toContain('Herald 0.0.0-test (browser-harness)');
    expect(text).toContain(`Platform: ${process.platform} ${process.arch}`);
    expect(text).toContain('Slack connected: yes');
    expect(text).toMatch(/## Outbox \(items by state\)\n {2}queued: 2/);
    expect(text).toMatch(/## Stores \(schema versions\)\n(.*\n)* {2}settings\.json: \d+/);
    expect(text).toMatch(/## Quarantined files\n {2}templates\.corrupt-.*\.json \(10 bytes/);
    expect(text).toContain('completed/a1b2c3.dmp (2048 bytes');
    expect(text).toContain('"event":"outbox.debug"');
    expect(text).toContain('"channel":"C0123","attempt":2');
    expect(text).not.toContain('old.event');
  });

  it('holds neither the token nor any message text', async () => {
    const { bundle, token } = await seededBundle({ crashDumpsDir: null });
    const { text } = bundle;
    expect(token.length).toBeGreaterThan(10);
    expect(text).not.toContain(token);
    expect(text).not.toMatch(/xox[a-z]-/);
    for (const message of [MESSAGE_TEXT, SECOND_MESSAGE]) {
      expect(text).not.toContain(message);
      // Not even in pieces: no distinctive word of either message survives.
      for (const word of message.split(' ').filter((part) => part.length >= 6))
        expect(text).not.toContain(word);
    }
  });

  it('says plainly that the browser harness has no crash dumps', async () => {
    const { bundle } = await seededBundle({ crashDumpsDir: null });
    expect(bundle.text).toContain(
      'The browser harness has no crash reporter, so there are no crash dumps to include.',
    );
  });
});

describe('a log line made safe for support', () => {
  it('keeps ids, codes and numbers and replaces free text with its length', () => {
    const line = JSON.stringify({
      time: '2026-12-06T10:00:00.000Z',
      level: 'warn',
      event: 'outbox.failed',
      id: 'ob_12',
      code: 'ratelimited',
      retryMs: 3000,
      note: 'the lead wrote this',
    });
    expect(JSON.parse(safeLogLine(line, 0)!)).toEqual({
      time: '2026-12-06T10:00:00.000Z',
      level: 'warn',
      event: 'outbox.failed',
      id: 'ob_12',
      code: 'ratelimited',
      retryMs: 3000,
      note: '[text 19 chars]',
    });
    expect(safeLogLine('not json', 0)).toBeNull();
    expect(safeLogLine(line, Date.parse('2026-12-07T00:00:00Z'))).toBeNull();
  });

  it('keeps the newest lines when the log of the day is larger than the bundle may carry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'herald-log-'));
    const lines = Array.from({ length: 100 }, (_, index) =>
      JSON.stringify({ time: '2026-12-06T10:00:00.000Z', level: 'info', event: 'tick', count: index }),
    );
    writeFileSync(join(dir, 'herald.log'), `${lines.join('\n')}\n`);
    const kept = logExcerpt([join(dir, 'herald.log')], 0, 10 * (lines[99]!.length + 1));
    expect(kept).toHaveLength(10);
    expect(JSON.parse(kept.at(-1)!)).toMatchObject({ count: 99 });
    expect(JSON.parse(kept[0]!)).toMatchObject({ count: 90 });
  });
});
