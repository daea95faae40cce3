import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channels, errorCodes } from '../../../../../shared/api/index.ts';
import { makeCore } from '../../../../support/core-fixture.ts';

describe('the core router', () => {
  it('answers a valid call with ok and a value matching the contract', async () => {
    const { core } = makeCore();
    const result = await core.router.invoke('settings:get', {});
    expect(result).toEqual({
      ok: true,
      value: {
        timeZone: 'Europe/London',
        keepRunningInTray: true,
        openAtLogin: false,
        hasAnsweredOpenAtLogin: false,
        autoDownloadUpdates: true,
        timeLocale: 'en-GB',
        hasReviewedPlan: false,
        isSetupChecklistHidden: false,
        lead: null,
      },
    });
  });

  it('refuses an unknown channel by name', async () => {
    const { core } = makeCore();
    expect(await core.router.invoke('drafts:explode', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel', message: expect.stringContaining('drafts:explode') },
    });
    expect(await core.router.invoke(42, {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(await core.router.invoke('__proto__', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
  });

  it('rejects unknown fields and wrong types with invalid_argument naming the field', async () => {
    const { core } = makeCore();
    expect(await core.router.invoke('settings:update', { timeZone: 'Mars/Olympus' })).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_argument',
        fields: ['timeZone'],
        fieldErrors: { timeZone: 'is not a known IANA time zone (for example Europe/London)' },
      },
    });
    expect(await core.router.invoke('settings:update', { isAdmin: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });
    // The Slack address is no longer a setting (it is bound to the token): naming it is an unknown field.
    expect(
      await core.router.invoke('settings:update', { slackApiUrl: 'https://evil.example.com/api/' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', message: expect.stringContaining('slackApiUrl') },
    });
  });

  it('disables the test-clock channels unless a test clock was given', async () => {
    const plain = makeCore();
    expect(await plain.core.router.invoke('testClock:advance', { ms: 1000 })).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
    expect(plain.core.router.channelNames).not.toContain('testClock:advance');
    const withClock = makeCore({ withTestClock: true });
    expect(await withClock.core.router.invoke('testClock:advance', { ms: 60_000 })).toEqual({
      ok: true,
      value: { nowUtc: '2026-04-20T09:01:00.000Z' },
    });
  });

  it('never throws and never changes settings, whatever arrives on any channel', async () => {
    const { core } = makeCore();
    const before = await core.router.invoke('settings:get', {});
    const names = Object.keys(channels);
    const hostile = fc.oneof(
      fc.anything(),
      fc.record({ token: fc.string(), acceptWeakProtection: fc.anything(), __proto__: fc.anything() }),
      fc.constantFrom(null, undefined, [], '', 'x'.repeat(10_000), {
        constructor: { prototype: { polluted: true } },
      }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names.filter((name) => name !== 'settings:update' && name !== 'slack:disconnect')),
        hostile,
        async (channel, args) => {
          const result = await core.router.invoke(channel, args);
          expect(typeof result.ok).toBe('boolean');
          if (!result.ok) expect(errorCodes).toContain(result.error.code);
        },
      ),
      { numRuns: 300 },
    );
    expect(await core.router.invoke('settings:get', {})).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
