import { describe, expect, it } from 'vitest';
import {
  apiUrlOverrideFromArgv,
  createApiUrlPolicy,
} from '../../../../../electron/core/slack/api-url-policy.ts';
import { parseHarnessOptions } from '../../../../../electron/harness/harness-options.ts';

describe('where a Slack token may be entered for', () => {
  it('is Slack’s own https hosts, normalised, and nothing else without an override', () => {
    const policy = createApiUrlPolicy(undefined);
    expect(policy.allowed).toEqual(['https://slack.com/api/', 'https://slack-gov.com/api/']);
    expect(policy.choose(undefined)).toEqual({ ok: true, value: 'https://slack.com/api/' });
    expect(policy.choose(' https://SLACK-GOV.com/api ')).toEqual({
      ok: true,
      value: 'https://slack-gov.com/api/',
    });
    for (const refused of [
      'http://slack.com/api/',
      'https://slack.com:8443/api/',
      'https://slack.com/api/../evil/',
      'https://api.slack.com.evil.example/api/',
      'https://slack.com/other/',
      '',
    ]) {
      expect(policy.choose(refused), refused).toMatchObject({
        ok: false,
        error: { code: 'invalid_argument', fields: ['apiUrl'] },
      });
    }
  });

  it('adds the run’s command-line override first, as the default', () => {
    const policy = createApiUrlPolicy('http://127.0.0.1:4000/api/');
    expect(policy.allowed).toEqual([
      'http://127.0.0.1:4000/api/',
      'https://slack.com/api/',
      'https://slack-gov.com/api/',
    ]);
    expect(policy.defaultUrl).toBe('http://127.0.0.1:4000/api/');
    expect(policy.choose('http://127.0.0.1:4000/api')).toEqual({
      ok: true,
      value: 'http://127.0.0.1:4000/api/',
    });
    expect(policy.choose('http://127.0.0.1:4001/api/').ok).toBe(false);
  });

  it('reads the desktop app’s override from its command line only, checked', () => {
    expect(apiUrlOverrideFromArgv(['electron', '.'])).toEqual({ ok: true, value: undefined });
    expect(apiUrlOverrideFromArgv(['electron', '.', '--slack-api-url=http://127.0.0.1:4000/api'])).toEqual({
      ok: true,
      value: 'http://127.0.0.1:4000/api/',
    });
    expect(
      apiUrlOverrideFromArgv(['electron', '.', '--slack-api-url', 'https://slack-gov.com/api/']),
    ).toEqual({ ok: true, value: 'https://slack-gov.com/api/' });
    expect(
      apiUrlOverrideFromArgv(['electron', '.', '--slack-api-url=http://evil.example/api/']),
    ).toMatchObject({ ok: false, error: expect.stringContaining('https://') });
    expect(apiUrlOverrideFromArgv(['electron', '.', '--slack-api-url'])).toMatchObject({ ok: false });
  });

  it('reads the harness’s override from --slack-api-url or HERALD_SLACK_API_URL, with the same check', () => {
    expect(parseHarnessOptions(['--slack-api-url', 'http://localhost:4000/api'], {})).toMatchObject({
      ok: true,
      value: { options: { slackApiUrl: 'http://localhost:4000/api/' } },
    });
    expect(parseHarnessOptions([], { HERALD_SLACK_API_URL: 'http://127.0.0.1:9/api/' })).toMatchObject({
      ok: true,
      value: { options: { slackApiUrl: 'http://127.0.0.1:9/api/' } },
    });
    expect(parseHarnessOptions(['--slack-api-url', 'http://evil.example/api/'], {})).toMatchObject({
      ok: false,
    });
  });
});
