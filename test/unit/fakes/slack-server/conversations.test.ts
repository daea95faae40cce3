import type { ConversationsListResponse } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BOT_SCOPES, DEFAULT_USER_TOKEN } from '../../../fakes/slack-server.ts';
import { rawCall, slackErrorOf, useFakeSlack } from './fixture.ts';

interface ChannelJson {
  id: string;
  name: string;
  is_private: boolean;
  is_archived: boolean;
  is_member: boolean;
}

describe('fake Slack: auth.test', () => {
  const slack = useFakeSlack();

  it('identifies the bot, its team and its scopes like Slack', async () => {
    const answer = await slack.client().auth.test();
    expect(answer).toMatchObject({
      ok: true,
      team: 'Ministry of Justice',
      team_id: 'T0HERALD',
      user: 'herald',
      bot_id: expect.any(String),
      url: 'https://ministryofjustice.slack.com/',
    });
    expect(answer.response_metadata?.scopes).toEqual([...DEFAULT_BOT_SCOPES]);
  });

  it('has no bot_id for a user token', async () => {
    const answer = await slack.client(DEFAULT_USER_TOKEN).auth.test();
    expect(answer.bot_id).toBeUndefined();
    expect(answer.user).toBe('comms.lead');
  });
});

describe('fake Slack: conversations.list', () => {
  const slack = useFakeSlack();

  it('pages through every public channel with cursors', async () => {
    const client = slack.client();
    const pageSizes: number[] = [];
    const names: string[] = [];
    for await (const page of client.paginate('conversations.list', { types: 'public_channel', limit: 100 })) {
      const channels = (page as ConversationsListResponse).channels ?? [];
      pageSizes.push(channels.length);
      names.push(...channels.map((channel) => channel.name ?? ''));
    }
    // 250 channels in all, two of them private.
    expect(pageSizes).toEqual([100, 100, 48]);
    expect(new Set(names).size).toBe(248);
    expect(names).toEqual(
      expect.arrayContaining([
        'operations-engineering-update',
        'github-community',
        'ask-cloud-platform',
        'ask-comms',
        'chat',
      ]),
    );
    expect(names).not.toContain('operations-engineering-team');
  });

  it('defaults to 100 a page, clamps to 1000 and ends with an empty next_cursor', async () => {
    const client = slack.client();
    const first = await client.conversations.list({});
    expect(first.channels).toHaveLength(100);
    expect(first.response_metadata?.next_cursor).not.toBe('');
    const all = await client.conversations.list({ limit: 5000, types: 'public_channel,private_channel' });
    expect(all.channels!.length).toBeLessThanOrEqual(1000);
    expect(all.response_metadata?.next_cursor).toBe('');
  });

  it('lists a private channel only to its members and can leave out archived ones', async () => {
    const all = await slack
      .client()
      .conversations.list({ types: 'public_channel,private_channel', limit: 1000 });
    const names = (all.channels as ChannelJson[]).map((channel) => channel.name);
    expect(names).toContain('operations-engineering-team');
    expect(names).not.toContain('operations-engineering-leads');
    expect(names).toContain('operations-engineering-old-news');
    const active = await slack.client().conversations.list({ exclude_archived: true, limit: 1000 });
    expect((active.channels as ChannelJson[]).some((channel) => channel.is_archived)).toBe(false);
  });

  it('marks which channels the bot is in', async () => {
    const all = await slack.client().conversations.list({ limit: 1000 });
    const byName = new Map((all.channels as ChannelJson[]).map((channel) => [channel.name, channel]));
    expect(byName.get('operations-engineering-update')?.is_member).toBe(true);
    expect(byName.get('ask-cloud-platform')?.is_member).toBe(false);
  });

  it('rejects a cursor it did not issue and a limit that is not a number', async () => {
    expect((await slackErrorOf(slack.client().conversations.list({ cursor: 'bm9wZQ==' }))).code).toBe(
      'invalid_cursor',
    );
    expect((await rawCall(slack.fake, 'conversations.list', { limit: 'lots' })).json.error).toBe(
      'invalid_limit',
    );
  });
});

describe('fake Slack: conversations.list without groups:read', () => {
  const scopes = DEFAULT_BOT_SCOPES.filter((scope) => scope !== 'groups:read');
  const slack = useFakeSlack({ botScopes: scopes });

  it('answers missing_scope with what is needed and what the token has', async () => {
    const reply = await rawCall(slack.fake, 'conversations.list', { types: 'private_channel' });
    expect(reply.json).toMatchObject({
      ok: false,
      error: 'missing_scope',
      needed: 'groups:read',
      provided: scopes.join(','),
    });
  });
});

describe('fake Slack: conversations.info and conversations.join', () => {
  const slack = useFakeSlack();

  it('describes a channel found by id', async () => {
    const answer = await slack.client().conversations.info({ channel: 'C0OPSENGUPD' });
    expect(answer.channel).toMatchObject({
      id: 'C0OPSENGUPD',
      name: 'operations-engineering-update',
      is_member: true,
    });
  });

  it('hides a private channel from non-members', async () => {
    expect((await slackErrorOf(slack.client().conversations.info({ channel: 'G0OPSENGLEADS' }))).code).toBe(
      'channel_not_found',
    );
  });

  it('refuses join to a bot without channels:join, as Slack does', async () => {
    const failure = await slackErrorOf(slack.client().conversations.join({ channel: 'C0CHAT' }));
    expect(failure.code).toBe('missing_scope');
    expect(failure.data.needed).toBe('channels:join');
  });

  it('joins with a token that may, and warns when already a member', async () => {
    const fake = slack.fake;
    fake.setMember('chat', false, 'U0COMMSLEAD');
    const client = slack.client(DEFAULT_USER_TOKEN);
    const joined = await client.conversations.join({ channel: 'C0CHAT' });
    expect(joined.channel).toMatchObject({ is_member: true });
    const again = await client.conversations.join({ channel: 'C0CHAT' });
    expect(again.warning).toBe('already_in_channel');
  });

  it('lets tests add channels and change membership', async () => {
    const added = slack.fake.addChannel({ name: 'incident-2026-01', isBotMember: false });
    const client = slack.client();
    expect((await client.conversations.info({ channel: added.id })).channel?.is_member).toBe(false);
    slack.fake.setMember('incident-2026-01', true);
    expect((await client.conversations.info({ channel: added.id })).channel?.is_member).toBe(true);
  });
});
