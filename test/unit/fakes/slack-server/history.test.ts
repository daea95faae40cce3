import { describe, expect, it } from 'vitest';
import { DEFAULT_USER_TOKEN } from '../../../fakes/slack-server.ts';
import { manualClock, slackErrorOf, useFakeSlack } from './fixture.ts';

const metadata = { event_type: 'herald_message', event_payload: { herald_id: 'out-42' } };

describe('fake Slack: conversations.history', () => {
  const clock = manualClock();
  const slack = useFakeSlack({ nowMs: clock.nowMs });

  async function postNumbered(count: number): Promise<string[]> {
    const client = slack.client();
    const stamps: string[] = [];
    for (let n = 1; n <= count; n += 1) {
      clock.advanceMs(1000);
      stamps.push((await client.chat.postMessage({ channel: 'C0OPSENGUPD', text: `m${n}` })).ts!);
    }
    return stamps;
  }

  it('returns messages newest first and pages with has_more and a cursor', async () => {
    await postNumbered(5);
    const client = slack.client();
    const first = await client.conversations.history({ channel: 'C0OPSENGUPD', limit: 2 });
    expect(first.messages?.map((message) => message.text)).toEqual(['m5', 'm4']);
    expect(first.has_more).toBe(true);
    const second = await client.conversations.history({
      channel: 'C0OPSENGUPD',
      limit: 2,
      cursor: first.response_metadata!.next_cursor!,
    });
    expect(second.messages?.map((message) => message.text)).toEqual(['m3', 'm2']);
    const third = await client.conversations.history({
      channel: 'C0OPSENGUPD',
      limit: 2,
      cursor: second.response_metadata!.next_cursor!,
    });
    expect(third.messages?.map((message) => message.text)).toEqual(['m1']);
    expect(third.has_more).toBe(false);
  });

  it('pages through everything newer than a last-seen ts, as an incremental sync reads it', async () => {
    const stamps = await postNumbered(7);
    const client = slack.client();
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.conversations.history({
        channel: 'C0OPSENGUPD',
        oldest: stamps[2]!,
        limit: 2,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...(page.messages ?? []).map((message) => message.text!));
      cursor = page.has_more ? page.response_metadata?.next_cursor : undefined;
    } while (cursor);
    expect(seen).toEqual(['m7', 'm6', 'm5', 'm4']);
    const inclusive = await client.conversations.history({
      channel: 'C0OPSENGUPD',
      oldest: stamps[2]!,
      inclusive: true,
    });
    expect(inclusive.messages?.at(-1)?.text).toBe('m3');
    expect(
      (await slackErrorOf(client.conversations.history({ channel: 'C0OPSENGUPD', cursor: 'bm9wZQ==' }))).code,
    ).toBe('invalid_cursor');
  });

  it('filters on oldest and latest, exclusive unless inclusive', async () => {
    const stamps = await postNumbered(4);
    const client = slack.client();
    const between = await client.conversations.history({
      channel: 'C0OPSENGUPD',
      oldest: stamps[0]!,
      latest: stamps[3]!,
    });
    expect(between.messages?.map((message) => message.text)).toEqual(['m3', 'm2']);
    const inclusive = await client.conversations.history({
      channel: 'C0OPSENGUPD',
      oldest: stamps[0]!,
      latest: stamps[3]!,
      inclusive: true,
    });
    expect(inclusive.messages?.map((message) => message.text)).toEqual(['m4', 'm3', 'm2', 'm1']);
    expect(
      (await slackErrorOf(client.conversations.history({ channel: 'C0OPSENGUPD', oldest: 'yesterday' })))
        .code,
    ).toBe('invalid_ts_oldest');
  });

  it('shows the metadata payload only when include_all_metadata is set', async () => {
    const client = slack.client();
    await client.chat.postMessage({ channel: 'C0OPSENGUPD', text: 'tracked', metadata });
    const plain = await client.conversations.history({ channel: 'C0OPSENGUPD' });
    // Slack keeps the event type and strips the payload unless asked for all metadata.
    expect(plain.messages?.[0]?.metadata).toEqual({ event_type: 'herald_message' });
    const withMetadata = await client.conversations.history({
      channel: 'C0OPSENGUPD',
      include_all_metadata: true,
    });
    expect(withMetadata.messages?.[0]?.metadata).toEqual(metadata);
    const replies = await client.conversations.replies({
      channel: 'C0OPSENGUPD',
      ts: plain.messages![0]!.ts!,
      include_all_metadata: true,
    });
    expect(replies.messages?.[0]?.metadata).toEqual(metadata);
  });

  it('shows messages seeded by the test, from people and other apps', async () => {
    slack.fake.addMessage('operations-engineering-update', { text: 'Morning all', metadata });
    const history = await slack
      .client()
      .conversations.history({ channel: 'C0OPSENGUPD', include_all_metadata: true });
    expect(history.messages?.[0]).toMatchObject({ text: 'Morning all', user: 'U0COMMSLEAD', metadata });
    expect(history.messages?.[0]?.bot_id).toBeUndefined();
  });

  it('refuses a bot outside the channel but lets a user read any public channel', async () => {
    expect((await slackErrorOf(slack.client().conversations.history({ channel: 'C0ASKCLOUDP' }))).code).toBe(
      'not_in_channel',
    );
    slack.fake.setMember('ask-cloud-platform', false, 'U0COMMSLEAD');
    const asUser = await slack.client(DEFAULT_USER_TOKEN).conversations.history({ channel: 'C0ASKCLOUDP' });
    expect(asUser.ok).toBe(true);
  });

  it('reads an archived channel but refuses to post there', async () => {
    const client = slack.client();
    expect((await client.conversations.history({ channel: 'C0OPSENGOLD' })).ok).toBe(true);
    expect((await slackErrorOf(client.chat.postMessage({ channel: 'C0OPSENGOLD', text: 'x' }))).code).toBe(
      'is_archived',
    );
  });
});
