import { afterEach, describe, expect, it } from 'vitest';
import type { SecretBox } from '../../../../../electron/core/secrets/secret-box.ts';
import { startFakeSlack, type FakeSlack } from '../../../../fakes/slack-server.ts';
import { makeCore, makeDataDir } from '../../../../support/core-fixture.ts';
import { settledSnapshot } from '../../../security/support/store-snapshot.ts';

let slack: FakeSlack | undefined;
afterEach(async () => {
  await slack?.close();
  slack = undefined;
});

const strongBox: SecretBox = {
  protection: () => Promise.resolve({ level: 'os', backend: 'test-keychain', explanation: 'test' }),
  encrypt: (plain) => Promise.resolve(Buffer.from(plain).reverse().toString('base64')),
  decrypt: (cipher) => Promise.resolve(Buffer.from(cipher, 'base64').reverse().toString()),
};

describe('the Slack connection', () => {
  it('verifies the token with auth.test and reports workspace, bot name and scopes', async () => {
    slack = await startFakeSlack();
    const { core } = makeCore({ slackApiUrlOverride: slack.url, secretBox: strongBox });
    const result = await core.router.call('slack:connect', { token: slack.botToken });
    expect(result).toMatchObject({
      ok: true,
      value: {
        connected: true,
        identity: {
          workspace: 'Ministry of Justice',
          actorName: 'herald',
          tokenKind: 'bot',
          missingScopes: [],
        },
      },
    });
    expect(slack.requests.map((request) => request.method)).toEqual(['auth.test']);
  });

  it('names each missing scope in plain words', async () => {
    slack = await startFakeSlack({ botScopes: ['chat:write', 'channels:read'] });
    const { core } = makeCore({ slackApiUrlOverride: slack.url, secretBox: strongBox });
    const result = await core.router.call('slack:connect', { token: slack.botToken });
    expect(result.ok && result.value.identity?.missingScopes.map((missing) => missing.scope)).toEqual([
      'groups:read',
      'channels:history',
      'groups:history',
      'users:read',
      'files:write',
    ]);
    expect(result.ok && result.value.identity?.missingScopes[1]?.neededFor).toMatch(/never posted twice/);
  });

  it('says the scopes could not be checked, not that they are missing, when auth.test carries no scope header', async () => {
    slack = await startFakeSlack({ omitScopesHeader: true });
    const { core, logger } = makeCore({ slackApiUrlOverride: slack.url, secretBox: strongBox });
    const result = await core.router.call('slack:connect', { token: slack.botToken });
    expect(result).toMatchObject({
      ok: true,
      value: {
        connected: true,
        identity: { workspace: 'Ministry of Justice', scopes: null, missingScopes: [] },
      },
    });
    expect(logger.lines.some((line) => line.includes('"event":"slack.scopes_unreported"'))).toBe(true);
    // A header that lists no scopes at all is checked, and every need is missing.
    await slack.close();
    slack = await startFakeSlack({ botScopes: [] });
    const { core: second } = makeCore({ slackApiUrlOverride: slack.url, secretBox: strongBox });
    const none = await second.router.call('slack:connect', { token: slack.botToken });
    expect(none.ok && none.value.identity?.scopes).toEqual([]);
    expect(none.ok && none.value.identity?.missingScopes.map((missing) => missing.scope)).toEqual([
      'chat:write',
      'channels:read',
      'groups:read',
      'channels:history',
      'groups:history',
      'users:read',
      'files:write',
    ]);
  });

  it('asks for consent before storing a token with weak protection', async () => {
    slack = await startFakeSlack();
    const { core } = makeCore({ slackApiUrlOverride: slack.url });
    expect(await core.router.call('slack:connect', { token: slack.botToken })).toMatchObject({
      ok: false,
      error: { code: 'weak_encryption_not_accepted' },
    });
    expect(slack.requests).toHaveLength(0);
    expect(
      await core.router.call('slack:connect', { token: slack.botToken, acceptWeakProtection: true }),
    ).toMatchObject({ ok: true });
  });

  it('refuses to store a token when no encryption is available', async () => {
    slack = await startFakeSlack();
    const noBox: SecretBox = {
      ...strongBox,
      protection: () =>
        Promise.resolve({ level: 'unavailable', backend: 'none', explanation: 'no keychain' }),
    };
    const { core } = makeCore({ slackApiUrlOverride: slack.url, secretBox: noBox });
    expect(
      await core.router.call('slack:connect', { token: slack.botToken, acceptWeakProtection: true }),
    ).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('explains a rejected token, an unreachable Slack and a server error, and stores nothing', async () => {
    slack = await startFakeSlack();
    const { core } = makeCore({ slackApiUrlOverride: slack.url, secretBox: strongBox });
    slack.revokeToken(slack.botToken);
    expect(await core.router.call('slack:connect', { token: slack.botToken })).toMatchObject({
      ok: false,
      error: {
        code: 'slack_error',
        message: 'Slack did not accept the token.',
        fix: expect.stringContaining('connect again'),
      },
    });
    slack.reset();
    slack.setOffline(true);
    expect(await core.router.call('slack:connect', { token: slack.botToken })).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: 'Herald could not reach Slack.' },
    });
    slack.setOffline(false);
    slack.inject('auth.test', { kind: 'http_status', status: 503 });
    expect(await core.router.call('slack:connect', { token: slack.botToken })).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringContaining('HTTP 503') },
    });
    expect(await core.router.call('slack:status', {})).toMatchObject({
      ok: true,
      value: { connected: false, identity: null },
    });
  });

  it('keeps the token encrypted at rest, out of every answer and log line, and wipes it on disconnect', async () => {
    slack = await startFakeSlack();
    const dataDir = makeDataDir();
    const { core, logger } = makeCore({ dataDir, slackApiUrlOverride: slack.url });
    const connected = await core.router.call('slack:connect', {
      token: slack.botToken,
      acceptWeakProtection: true,
    });
    const status = await core.router.call('slack:status', {});
    expect(JSON.stringify([connected, status])).not.toContain(slack.botToken);
    const { readFileSync, readdirSync } = await import('node:fs');
    // Stores finish their writes in the background: a file listed mid-rename would be gone when read.
    await settledSnapshot(dataDir);
    for (const file of readdirSync(dataDir, { recursive: true, withFileTypes: true })) {
      if (file.isFile())
        expect(readFileSync(`${file.parentPath}/${file.name}`, 'utf8')).not.toContain(slack.botToken);
    }
    expect(await core.slack.credential()).toEqual({ token: slack.botToken, apiUrl: slack.url });
    expect(logger.lines.join('\n')).not.toContain(slack.botToken);

    const reopened = makeCore({ dataDir, slackApiUrlOverride: slack.url });
    expect(await reopened.core.slack.credential()).toEqual({ token: slack.botToken, apiUrl: slack.url });
    expect(await reopened.core.router.call('slack:disconnect', {})).toMatchObject({
      ok: true,
      value: { connected: false },
    });
    expect(await reopened.core.slack.credential()).toBeNull();
  });
});

describe('where the token may go', () => {
  it('binds the token to the address it was entered for; settings cannot move it', async () => {
    slack = await startFakeSlack();
    const other = await startFakeSlack();
    try {
      const { core } = makeCore({ slackApiUrlOverride: slack.url, secretBox: strongBox });
      expect(await core.router.call('slack:connect', { token: slack.botToken })).toMatchObject({
        ok: true,
        value: {
          connected: true,
          apiUrl: slack.url,
          allowedApiUrls: [slack.url, 'https://slack.com/api/', 'https://slack-gov.com/api/'],
          problem: null,
        },
      });
      // A compromised renderer tries to point the stored token elsewhere: refused, and nothing changes.
      expect(await core.router.invoke('settings:update', { slackApiUrl: other.url })).toMatchObject({
        ok: false,
        error: { code: 'invalid_argument' },
      });
      expect(
        await core.router.invoke('slack:connect', { token: slack.botToken, apiUrl: other.url }),
      ).toMatchObject({
        ok: false,
        error: {
          code: 'invalid_argument',
          fields: ['apiUrl'],
          message: expect.stringContaining('only to Slack itself'),
        },
      });
      await core.router.call('channels:list', {});
      await core.router.call('channels:refresh', {});
      expect(other.requests).toHaveLength(0);
      expect(await core.slack.credential()).toEqual({ token: slack.botToken, apiUrl: slack.url });
    } finally {
      await other.close();
    }
  });

  it('allows only Slack’s own https hosts when the run has no override', async () => {
    slack = await startFakeSlack();
    const { core } = makeCore({ secretBox: strongBox });
    expect(await core.router.call('slack:status', {})).toMatchObject({
      ok: true,
      value: {
        connected: false,
        apiUrl: 'https://slack.com/api/',
        allowedApiUrls: ['https://slack.com/api/', 'https://slack-gov.com/api/'],
      },
    });
    for (const apiUrl of [
      slack.url,
      'http://slack.com/api/',
      'https://slack.com.evil.example/api/',
      'https://evil.example/api/',
      'https://user:pw@slack.com/api/',
      'not a url',
    ]) {
      expect(
        await core.router.call('slack:connect', { token: slack.botToken, apiUrl }),
        apiUrl,
      ).toMatchObject({ ok: false, error: { code: 'invalid_argument', fields: ['apiUrl'] } });
    }
    expect(slack.requests).toHaveLength(0);
  });

  it('will not use a token bound to a test server in a run without that override', async () => {
    slack = await startFakeSlack();
    const dataDir = makeDataDir();
    const first = makeCore({ dataDir, slackApiUrlOverride: slack.url, secretBox: strongBox });
    expect((await first.core.router.call('slack:connect', { token: slack.botToken })).ok).toBe(true);
    first.core.stop();
    const plain = makeCore({ dataDir, secretBox: strongBox });
    expect(await plain.core.router.call('slack:status', {})).toMatchObject({
      ok: true,
      value: { connected: false, apiUrl: slack.url, problem: expect.stringContaining('Disconnect') },
    });
    expect(await plain.core.slack.credential()).toBeNull();
    const before = slack.requests.length;
    expect(await plain.core.router.call('channels:refresh', {})).toMatchObject({
      ok: false,
      error: { code: 'not_connected' },
    });
    expect(slack.requests).toHaveLength(before);
    expect(await plain.core.router.call('slack:disconnect', {})).toMatchObject({
      ok: true,
      value: { connected: false, problem: null, apiUrl: 'https://slack.com/api/' },
    });
  });

  it('binds a token stored before binding existed to Slack’s own address, the old default', async () => {
    const dataDir = makeDataDir();
    const { writeFileSync } = await import('node:fs');
    const identity = {
      workspace: 'W',
      workspaceId: 'T1',
      workspaceUrl: 'https://w.slack.com/',
      actorName: 'herald',
      tokenKind: 'bot',
      scopes: [],
      missingScopes: [],
      connectedAtUtc: '2026-04-20T09:00:00.000Z',
    };
    const encryptedToken = await strongBox.encrypt('xoxb-0123456789-legacy');
    writeFileSync(
      `${dataDir}/slack-connection.json`,
      JSON.stringify({ schemaVersion: 1, data: { encryptedToken, identity } }),
    );
    writeFileSync(
      `${dataDir}/settings.json`,
      JSON.stringify({
        schemaVersion: 1,
        data: { slackApiUrl: 'https://evil.example/api/', timeZone: 'UTC', keepRunningInTray: false },
      }),
    );
    const { core } = makeCore({ dataDir, secretBox: strongBox });
    expect(core.storageNotices).toEqual([]);
    expect(await core.slack.credential()).toEqual({
      token: 'xoxb-0123456789-legacy',
      apiUrl: 'https://slack.com/api/',
    });
    expect(core.settings.get()).toMatchObject({ timeZone: 'UTC', keepRunningInTray: false });
    expect(core.settings.get()).not.toHaveProperty('slackApiUrl');
  });
});
