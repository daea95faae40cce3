import { describe, expect, it } from 'vitest';
import { rawCall, slackErrorOf, useFakeSlack } from './fixture.ts';

const sectionBlock = { type: 'section', text: { type: 'mrkdwn', text: '*Incident* declared' } };

describe('fake Slack: chat.postMessage', () => {
  const slack = useFakeSlack();

  it('posts by channel id and answers with the channel, a ts and the message', async () => {
    const answer = await slack.client().chat.postMessage({ channel: 'C0OPSENGUPD', text: 'Weekly update' });
    expect(answer).toMatchObject({
      ok: true,
      channel: 'C0OPSENGUPD',
      ts: expect.stringMatching(/^\d{10}\.\d{6}$/),
    });
    expect(answer.message).toMatchObject({
      type: 'message',
      text: 'Weekly update',
      bot_id: 'B0HERALD',
      user: 'U0HERALDBOT',
    });
    expect(slack.fake.messages('C0OPSENGUPD')).toEqual([
      expect.objectContaining({
        ts: answer.ts,
        text: 'Weekly update',
        reply_broadcast: false,
        bot_id: 'B0HERALD',
      }),
    ]);
  });

  it('finds a channel by #name or bare name and answers with its id', async () => {
    const client = slack.client();
    expect((await client.chat.postMessage({ channel: '#github-community', text: 'a' })).channel).toBe(
      'C0GHCOMMUNITY',
    );
    expect((await client.chat.postMessage({ channel: 'ask-comms', text: 'b' })).channel).toBe('C0ASKCOMMS');
  });

  it('hands out unique, increasing timestamps even within one millisecond', async () => {
    const client = slack.client();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => client.chat.postMessage({ channel: 'C0ASKCOMMS', text: `n${i}` })),
    );
    const stamps = answers.map((answer) => answer.ts!);
    expect(new Set(stamps).size).toBe(20);
    const sorted = [...stamps].sort((a, b) => Number(a) - Number(b));
    expect(slack.fake.messages('ask-comms').map((message) => message.ts)).toEqual(sorted);
  });

  it('posts to a public channel the bot is not in, thanks to chat:write.public', async () => {
    await slack.client().chat.postMessage({ channel: 'chat', text: 'A success worth sharing' });
    expect(slack.fake.messages('chat')).toHaveLength(1);
  });

  it('keeps blocks, metadata and unfurl settings as sent', async () => {
    const metadata = { event_type: 'herald_message', event_payload: { herald_id: 'msg-1' } };
    await slack.client().chat.postMessage({
      channel: 'C0OPSENGUPD',
      text: 'fallback',
      blocks: [sectionBlock],
      metadata,
      unfurl_links: false,
    });
    expect(slack.fake.messages('C0OPSENGUPD')[0]).toMatchObject({
      blocks: [sectionBlock],
      metadata,
      unfurl_links: false,
    });
  });

  it('accepts a JSON body with the token in the Authorization header', async () => {
    const reply = await rawCall(
      slack.fake,
      'chat.postMessage',
      { channel: 'C0ASKCOMMS', text: 'json', blocks: [sectionBlock] },
      { json: true },
    );
    expect(reply.json).toMatchObject({ ok: true, channel: 'C0ASKCOMMS' });
    expect(slack.fake.messages('C0ASKCOMMS')[0]?.blocks).toEqual([sectionBlock]);
  });

  it('accepts the token as a form argument too', async () => {
    const token = slack.fake.botToken;
    const reply = await rawCall(
      slack.fake,
      'chat.postMessage',
      { channel: 'C0ASKCOMMS', text: 'form token', token },
      { token: null },
    );
    expect(reply.json.ok).toBe(true);
  });
});

describe('fake Slack: threads', () => {
  const slack = useFakeSlack();

  it('threads replies under the parent and counts them on the parent', async () => {
    const client = slack.client();
    const parent = await client.chat.postMessage({ channel: 'C0OPSENGUPD', text: 'Incident declared' });
    const reply = await client.chat.postMessage({
      channel: 'C0OPSENGUPD',
      text: 'Update 1',
      thread_ts: parent.ts!,
    });
    expect(reply.message).toMatchObject({ thread_ts: parent.ts, parent_user_id: 'U0HERALDBOT' });
    const history = await client.conversations.history({ channel: 'C0OPSENGUPD' });
    expect(history.messages).toHaveLength(1);
    expect(history.messages?.[0]).toMatchObject({
      ts: parent.ts,
      thread_ts: parent.ts,
      reply_count: 1,
      latest_reply: reply.ts,
    });
  });

  it('files a reply to a reply under the thread parent, as Slack does', async () => {
    const client = slack.client();
    const parent = await client.chat.postMessage({ channel: 'C0OPSENGUPD', text: 'Incident declared' });
    const first = await client.chat.postMessage({
      channel: 'C0OPSENGUPD',
      text: 'Update 1',
      thread_ts: parent.ts!,
    });
    const second = await client.chat.postMessage({
      channel: 'C0OPSENGUPD',
      text: 'Update 2',
      thread_ts: first.ts!,
    });
    expect(second.message?.thread_ts).toBe(parent.ts);
  });

  it('shows a broadcast reply in the channel as a thread_broadcast', async () => {
    const client = slack.client();
    const parent = await client.chat.postMessage({ channel: 'C0OPSENGUPD', text: 'Incident declared' });
    await client.chat.postMessage({
      channel: 'C0OPSENGUPD',
      text: 'Resolved',
      thread_ts: parent.ts!,
      reply_broadcast: true,
    });
    const history = await client.conversations.history({ channel: 'C0OPSENGUPD' });
    expect(history.messages?.map((message) => [message.text, message.subtype])).toEqual([
      ['Resolved', 'thread_broadcast'],
      ['Incident declared', undefined],
    ]);
    expect(slack.fake.messages('C0OPSENGUPD')[1]).toMatchObject({
      reply_broadcast: true,
      thread_ts: parent.ts,
    });
  });

  it('returns a thread parent first and replies oldest first, from any ts in it', async () => {
    const client = slack.client();
    const parent = await client.chat.postMessage({ channel: 'C0OPSENGUPD', text: 'p' });
    const one = await client.chat.postMessage({ channel: 'C0OPSENGUPD', text: 'r1', thread_ts: parent.ts! });
    await client.chat.postMessage({ channel: 'C0OPSENGUPD', text: 'r2', thread_ts: parent.ts! });
    const replies = await client.conversations.replies({ channel: 'C0OPSENGUPD', ts: one.ts! });
    expect(replies.messages?.map((message) => message.text)).toEqual(['p', 'r1', 'r2']);
    const paged = await client.conversations.replies({ channel: 'C0OPSENGUPD', ts: parent.ts!, limit: 2 });
    expect(paged.has_more).toBe(true);
    const rest = await client.conversations.replies({
      channel: 'C0OPSENGUPD',
      ts: parent.ts!,
      cursor: paged.response_metadata!.next_cursor!,
    });
    expect(rest.messages?.map((message) => message.text)).toEqual(['r2']);
  });

  it('answers thread_not_found for a ts that is no message', async () => {
    const failure = await slackErrorOf(
      slack.client().conversations.replies({ channel: 'C0OPSENGUPD', ts: '1500000000.000100' }),
    );
    expect(failure.code).toBe('thread_not_found');
  });
});

describe('fake Slack: chat.update, chat.delete, chat.getPermalink', () => {
  const slack = useFakeSlack();

  it('updates its own message and marks it edited', async () => {
    const client = slack.client();
    const posted = await client.chat.postMessage({
      channel: 'C0ASKCOMMS',
      text: 'draft',
      blocks: [sectionBlock],
    });
    const updated = await client.chat.update({ channel: 'C0ASKCOMMS', ts: posted.ts!, text: 'final' });
    expect(updated).toMatchObject({ ok: true, channel: 'C0ASKCOMMS', ts: posted.ts, text: 'final' });
    const [stored] = slack.fake.messages('C0ASKCOMMS');
    expect(stored).toMatchObject({ text: 'final', edited: { user: 'U0HERALDBOT' } });
    // Slack documents that blocks left out of an update are kept…
    expect(stored?.blocks).toEqual([sectionBlock]);
    // …and that an empty array removes them.
    await client.chat.update({ channel: 'C0ASKCOMMS', ts: posted.ts!, text: 'plain', blocks: [] });
    expect(slack.fake.messages('C0ASKCOMMS')[0]).toMatchObject({ text: 'plain' });
    expect(slack.fake.messages('C0ASKCOMMS')[0]?.blocks).toBeUndefined();
  });

  it("refuses to update or delete someone else's message", async () => {
    const theirs = slack.fake.addMessage('C0ASKCOMMS', { text: 'from a person' });
    const client = slack.client();
    expect(
      (await slackErrorOf(client.chat.update({ channel: 'C0ASKCOMMS', ts: theirs.ts, text: 'x' }))).code,
    ).toBe('cant_update_message');
    expect((await slackErrorOf(client.chat.delete({ channel: 'C0ASKCOMMS', ts: theirs.ts }))).code).toBe(
      'cant_delete_message',
    );
    expect((await slackErrorOf(client.chat.delete({ channel: 'C0ASKCOMMS', ts: '1.000001' }))).code).toBe(
      'message_not_found',
    );
  });

  it('deletes a message, leaving a tombstone only when the thread has replies', async () => {
    const client = slack.client();
    const lone = await client.chat.postMessage({ channel: 'C0ASKCOMMS', text: 'lone' });
    const parent = await client.chat.postMessage({ channel: 'C0ASKCOMMS', text: 'parent' });
    await client.chat.postMessage({ channel: 'C0ASKCOMMS', text: 'reply', thread_ts: parent.ts! });
    await client.chat.delete({ channel: 'C0ASKCOMMS', ts: lone.ts! });
    await client.chat.delete({ channel: 'C0ASKCOMMS', ts: parent.ts! });
    expect(slack.fake.messages('C0ASKCOMMS').map((message) => [message.text, message.subtype])).toEqual([
      ['This message was deleted.', 'tombstone'],
      ['reply', undefined],
    ]);
  });

  it('builds permalinks on the workspace domain, with thread details for replies', async () => {
    const client = slack.client();
    const parent = await client.chat.postMessage({ channel: 'C0ASKCOMMS', text: 'p' });
    const reply = await client.chat.postMessage({ channel: 'C0ASKCOMMS', text: 'r', thread_ts: parent.ts! });
    const top = await client.chat.getPermalink({ channel: 'C0ASKCOMMS', message_ts: parent.ts! });
    expect(top.permalink).toBe(
      `https://ministryofjustice.slack.com/archives/C0ASKCOMMS/p${parent.ts!.replace('.', '')}`,
    );
    const threaded = await client.chat.getPermalink({ channel: 'C0ASKCOMMS', message_ts: reply.ts! });
    expect(threaded.permalink).toContain(`?thread_ts=${parent.ts}&cid=C0ASKCOMMS`);
    expect(
      (await slackErrorOf(client.chat.getPermalink({ channel: 'C0ASKCOMMS', message_ts: '1.000001' }))).code,
    ).toBe('message_not_found');
  });
});

describe('fake Slack: chat.update rules for metadata and broadcasts', () => {
  const slack = useFakeSlack();
  const v1 = {
    event_type: 'herald_incident',
    event_payload: { incident_id: 'inc-1', stage: 'investigating' },
  };
  const v2 = { event_type: 'herald_incident', event_payload: { incident_id: 'inc-1', stage: 'resolved' } };

  async function metadataOf(ts: string): Promise<unknown> {
    const history = await slack.client().conversations.history({
      channel: 'C0OPSENGUPD',
      include_all_metadata: true,
    });
    return history.messages?.find((message) => message.ts === ts)?.metadata;
  }

  it('keeps metadata when an update leaves it out, replaces it when given, removes it with {}', async () => {
    const client = slack.client();
    const posted = await client.chat.postMessage({ channel: 'C0OPSENGUPD', text: 'Declared', metadata: v1 });
    await client.chat.update({ channel: 'C0OPSENGUPD', ts: posted.ts!, text: 'Declared (edited)' });
    expect(await metadataOf(posted.ts!)).toEqual(v1);
    await client.chat.update({ channel: 'C0OPSENGUPD', ts: posted.ts!, text: 'Resolved', metadata: v2 });
    expect(await metadataOf(posted.ts!)).toEqual(v2);
    const cleared = await rawCall(slack.fake, 'chat.update', {
      channel: 'C0OPSENGUPD',
      ts: posted.ts!,
      text: 'Resolved',
      metadata: {},
    });
    expect(cleared.json.ok).toBe(true);
    expect(await metadataOf(posted.ts!)).toBeUndefined();
  });

  it("answers message_not_found for an unknown ts and cant_update_message for a person's message", async () => {
    const client = slack.client();
    expect(
      (await slackErrorOf(client.chat.update({ channel: 'C0OPSENGUPD', ts: '1700000000.000100', text: 'x' })))
        .code,
    ).toBe('message_not_found');
    const theirs = slack.fake.addMessage('C0OPSENGUPD', { text: 'a person wrote this' });
    expect(
      (await slackErrorOf(client.chat.update({ channel: 'C0OPSENGUPD', ts: theirs.ts, text: 'x' }))).code,
    ).toBe('cant_update_message');
    expect(slack.fake.messages('C0OPSENGUPD')[0]?.text).toBe('a person wrote this');
  });

  it('answers no_text for an empty edit and msg_too_long past 40,000 characters, leaving the message as it was', async () => {
    const client = slack.client();
    const posted = await client.chat.postMessage({ channel: 'C0OPSENGUPD', text: 'Next update by 14:30' });
    expect(
      (await slackErrorOf(client.chat.update({ channel: 'C0OPSENGUPD', ts: posted.ts!, text: '   ' }))).code,
    ).toBe('no_text');
    expect(
      (
        await slackErrorOf(
          client.chat.update({ channel: 'C0OPSENGUPD', ts: posted.ts!, text: 'x'.repeat(40_001) }),
        )
      ).code,
    ).toBe('msg_too_long');
    const [message] = slack.fake.messages('C0OPSENGUPD');
    expect(message).toMatchObject({ text: 'Next update by 14:30' });
    expect(message?.edited).toBeUndefined();
    // Exactly at the limit is fine.
    await client.chat.update({ channel: 'C0OPSENGUPD', ts: posted.ts!, text: 'y'.repeat(40_000) });
    expect(slack.fake.messages('C0OPSENGUPD')[0]?.text).toHaveLength(40_000);
  });

  it('broadcasts an existing reply with reply_broadcast, but not with new content or for a top-level message', async () => {
    const client = slack.client();
    const parent = await client.chat.postMessage({ channel: 'C0OPSENGUPD', text: 'Declared' });
    const reply = await client.chat.postMessage({
      channel: 'C0OPSENGUPD',
      text: 'Resolved',
      thread_ts: parent.ts!,
    });
    const both = await rawCall(slack.fake, 'chat.update', {
      channel: 'C0OPSENGUPD',
      ts: reply.ts!,
      text: 'Resolved!',
      reply_broadcast: true,
    });
    expect(both.json.error).toBe('no_dual_broadcast_content_update');
    const top = await rawCall(slack.fake, 'chat.update', {
      channel: 'C0OPSENGUPD',
      ts: parent.ts!,
      reply_broadcast: true,
    });
    expect(top.json.error).toBe('cant_broadcast_message');
    const broadcast = await rawCall(slack.fake, 'chat.update', {
      channel: 'C0OPSENGUPD',
      ts: reply.ts!,
      reply_broadcast: true,
    });
    expect(broadcast.json.ok).toBe(true);
    const history = await client.conversations.history({ channel: 'C0OPSENGUPD' });
    expect(history.messages?.map((message) => [message.text, message.subtype])).toEqual([
      ['Resolved', 'thread_broadcast'],
      ['Declared', undefined],
    ]);
  });

  it('shows a broadcast reply in the thread as well, with its metadata when asked', async () => {
    const client = slack.client();
    const parent = await client.chat.postMessage({ channel: 'C0OPSENGUPD', text: 'Declared', metadata: v1 });
    await client.chat.postMessage({
      channel: 'C0OPSENGUPD',
      text: 'Resolved',
      thread_ts: parent.ts!,
      reply_broadcast: true,
      metadata: v2,
    });
    const replies = await client.conversations.replies({
      channel: 'C0OPSENGUPD',
      ts: parent.ts!,
      include_all_metadata: true,
    });
    expect(
      replies.messages?.map((message): unknown[] => [
        message.text,
        (message as { subtype?: string }).subtype,
        message.metadata,
      ]),
    ).toEqual([
      ['Declared', undefined, v1],
      ['Resolved', 'thread_broadcast', v2],
    ]);
    const plain = await client.conversations.replies({ channel: 'C0OPSENGUPD', ts: parent.ts! });
    expect(plain.messages?.map((message) => message.metadata)).toEqual([
      { event_type: 'herald_incident' },
      { event_type: 'herald_incident' },
    ]);
  });
});

describe('fake Slack: chat.update in an archived channel', () => {
  const slack = useFakeSlack();

  it('answers is_inactive, as Slack documents for chat.update', async () => {
    const old = slack.fake.addMessage('operations-engineering-old-news', {
      text: 'old',
      user: 'U0HERALDBOT',
    });
    const failure = await slackErrorOf(
      slack.client().chat.update({ channel: 'C0OPSENGOLD', ts: old.ts, text: 'new' }),
    );
    expect(failure.code).toBe('is_inactive');
  });
});

describe('fake Slack: chat.update within the workspace edit window', () => {
  let nowMs = Date.parse('2026-04-20T09:00:00Z');
  const slack = useFakeSlack({ team: { editWindowMinutes: 10 }, nowMs: () => nowMs });

  it('edits within the window and answers edit_window_closed after it, leaving the message alone', async () => {
    const client = slack.client();
    const posted = await client.chat.postMessage({ channel: 'C0OPSENGUPD', text: 'Next update by 14:30' });
    nowMs += 9 * 60_000;
    await client.chat.update({ channel: 'C0OPSENGUPD', ts: posted.ts!, text: 'Next update by 14:45' });
    nowMs += 2 * 60_000;
    const refused = await slackErrorOf(
      client.chat.update({ channel: 'C0OPSENGUPD', ts: posted.ts!, text: 'Next update by 15:00' }),
    );
    expect(refused.code).toBe('edit_window_closed');
    expect(slack.fake.messages('C0OPSENGUPD')[0]?.text).toBe('Next update by 14:45');
  });
});
