// The `omitScopesHeader` option: answers without `x-oauth-scopes`, so
// WebClient reports no scopes at all (not an empty list).
import { describe, expect, it } from 'vitest';
import { DEFAULT_BOT_SCOPES } from '../../../fakes/slack-server.ts';
import { useFakeSlack } from './fixture.ts';

describe('the x-oauth-scopes header', () => {
  describe('by default', () => {
    const slack = useFakeSlack();
    it('carries the token’s scopes', async () => {
      const answer = await slack.client().auth.test();
      expect(answer.response_metadata?.scopes).toEqual([...DEFAULT_BOT_SCOPES]);
    });
  });

  describe('with omitScopesHeader', () => {
    const slack = useFakeSlack({ omitScopesHeader: true });
    it('is left out, so WebClient reports no scopes, while the call itself succeeds', async () => {
      const answer = await slack.client().auth.test();
      expect(answer.ok).toBe(true);
      expect(answer.user).toBe('herald');
      expect(answer.response_metadata?.scopes).toBeUndefined();
      const raw = await fetch(`${slack.fake.url}auth.test`, {
        method: 'POST',
        headers: { authorization: `Bearer ${slack.fake.botToken}` },
      });
      expect(raw.headers.get('x-oauth-scopes')).toBeNull();
      expect(raw.headers.get('x-accepted-oauth-scopes')).not.toBeNull();
    });
  });
});
