import { describe, expect, it } from 'vitest';
import { parseHarnessOptions } from '../../../../electron/harness/harness-options.ts';
import { startupSummary } from '../../../../electron/harness/startup-summary.ts';
import type { SlackStatus } from '../../../../shared/api/channels/slack.ts';

const notConnected: SlackStatus = {
  connected: false,
  identity: null,
  protection: { level: 'weak', backend: 'key file', explanation: 'key file' },
  apiUrl: 'https://slack.com/api/',
  allowedApiUrls: ['https://slack.com/api/', 'https://slack-gov.com/api/'],
  problem: null,
};

const base = {
  url: 'http://127.0.0.1:5199/#token=abc_DEF-123',
  dataDir: '/home/lead/.local/share/herald-browser-harness',
  logPath: '/home/lead/.local/share/herald-browser-harness/logs/herald.log',
  slack: notConnected,
  testClock: false,
  logToConsole: false,
};

describe('the harness start-up summary', () => {
  it('names the URL with its token, the data folder, the log, the Slack target and how to stop, in a few lines', () => {
    const text = startupSummary(base);
    // test/support/harness-process.ts finds the URL with this pattern.
    expect(text).toMatch(/serving (http:\/\/127\.0\.0\.1:\d+)\/#token=([A-Za-z0-9_-]+)/);
    expect(text).toContain('Data folder: /home/lead/.local/share/herald-browser-harness');
    expect(text).toContain('logs/herald.log');
    expect(text).toContain('Slack:       not connected');
    expect(text).toContain('https://slack.com/api/ or https://slack-gov.com/api/');
    expect(text).toContain('Ctrl+C');
    expect(text).not.toContain('{');
    expect(text.split('\n').length).toBeLessThanOrEqual(6);
  });

  it('names the connected workspace and its host, or why the stored token cannot be used', () => {
    const connected: SlackStatus = {
      ...notConnected,
      connected: true,
      apiUrl: 'https://slack-gov.com/api/',
      identity: {
        workspace: 'Ministry of Justice',
        workspaceId: 'T1',
        workspaceUrl: 'https://moj.slack.com/',
        actorName: 'herald',
        tokenKind: 'bot',
        scopes: [],
        missingScopes: [],
        connectedAtUtc: '2026-12-01T09:00:00.000Z',
      },
    };
    expect(startupSummary({ ...base, slack: connected })).toContain(
      'Slack:       Ministry of Justice at https://slack-gov.com/api/',
    );
    const refused: SlackStatus = {
      ...notConnected,
      problem: 'The token is tied to http://127.0.0.1:9/api/.',
    };
    expect(startupSummary({ ...base, slack: refused })).toContain(
      'Slack:       not usable: The token is tied to http://127.0.0.1:9/api/.',
    );
  });

  it('says when the test clock is on and where the structured log is', () => {
    expect(startupSummary({ ...base, testClock: true })).toContain(
      'Herald browser harness (test clock ON) serving',
    );
    expect(startupSummary(base)).toContain('--verbose prints it here too');
    expect(startupSummary({ ...base, logToConsole: true })).toContain('also on this console');
  });
});

describe('the harness --verbose option', () => {
  it('keeps the structured log off the console unless --verbose or HERALD_LOG=console', () => {
    const quiet = parseHarnessOptions([], {});
    const verbose = parseHarnessOptions(['--verbose'], {});
    const byEnv = parseHarnessOptions([], { HERALD_LOG: 'console' });
    expect(quiet.ok && quiet.value.options.logToConsole).toBe(false);
    expect(verbose.ok && verbose.value.options.logToConsole).toBe(true);
    expect(byEnv.ok && byEnv.value.options.logToConsole).toBe(true);
  });
});
