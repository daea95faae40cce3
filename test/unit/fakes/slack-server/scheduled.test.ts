import { describe, expect, it } from 'vitest';
import { manualClock, slackErrorOf, useFakeSlack } from './fixture.ts';

const DAY_SEC = 24 * 60 * 60;
const metadata = { event_type: 'herald_message', event_payload: { herald_id: 'sched-1' } };

describe('fake Slack: scheduled messages', () => {
  const clock = manualClock();
  const slack = useFakeSlack({ nowMs: clock.nowMs });
  const nowSec = () => Math.floor(clock.nowMs() / 1000);

  it('schedules a message and lists it until it is delivered', async () => {
    const client = slack.client();
    const postAt = nowSec() + 3600;
    const answer = await client.chat.scheduleMessage({
      channel: '#operations-engineering-update',
      text: 'Reminder',
      post_at: postAt,
    });
    expect(answer).toMatchObject({
      ok: true,
      channel: 'C0OPSENGUPD',
      post_at: postAt,
      scheduled_message_id: expect.stringMatching(/^Q/),
    });
    const listed = await client.chat.scheduledMessages.list({});
    expect(listed.scheduled_messages).toEqual([
      {
        id: answer.scheduled_message_id,
        channel_id: 'C0OPSENGUPD',
        post_at: postAt,
        date_created: nowSec(),
        text: 'Reminder',
      },
    ]);
    expect(slack.fake.deliverScheduled(postAt - 1)).toEqual({ delivered: [], dropped: [] });
    const report = slack.fake.deliverScheduled(postAt);
    expect(report.delivered).toEqual([
      expect.objectContaining({ text: 'Reminder', scheduled_message_id: answer.scheduled_message_id }),
    ]);
    expect(slack.fake.messages('C0OPSENGUPD')).toHaveLength(1);
    expect((await client.chat.scheduledMessages.list({})).scheduled_messages).toEqual([]);
  });

  it('delivers on the fake clock when no time is given, stamped at post_at', async () => {
    const postAt = nowSec() + 120;
    await slack.client().chat.scheduleMessage({ channel: 'C0OPSENGUPD', text: 'Later', post_at: postAt });
    expect(slack.fake.deliverScheduled().delivered).toEqual([]);
    clock.advanceMs(120_000);
    const [delivered] = slack.fake.deliverScheduled().delivered;
    expect(Math.floor(Number(delivered?.ts))).toBe(postAt);
  });

  it('silently drops a scheduled message that carries metadata, as Slack does', async () => {
    const client = slack.client();
    const postAt = nowSec() + 600;
    await client.chat.scheduleMessage({
      channel: 'C0OPSENGUPD',
      text: 'With metadata',
      post_at: postAt,
      metadata,
    });
    await client.chat.scheduleMessage({ channel: 'C0OPSENGUPD', text: 'Plain', post_at: postAt });
    expect(slack.fake.scheduled()).toHaveLength(2);
    const report = slack.fake.deliverScheduled(postAt);
    expect(report.delivered.map((message) => message.text)).toEqual(['Plain']);
    expect(report.dropped.map((message) => message.text)).toEqual(['With metadata']);
    expect(slack.fake.scheduled()).toEqual([]);
    expect(slack.fake.messages().map((message) => message.text)).toEqual(['Plain']);
  });

  it('delivers a scheduled thread reply into its thread', async () => {
    const client = slack.client();
    const parent = await client.chat.postMessage({ channel: 'C0OPSENGUPD', text: 'Incident declared' });
    await client.chat.scheduleMessage({
      channel: 'C0OPSENGUPD',
      text: 'Next update',
      post_at: nowSec() + 60,
      thread_ts: parent.ts!,
    });
    slack.fake.deliverScheduled(nowSec() + 60);
    expect(slack.fake.messages('C0OPSENGUPD')[1]).toMatchObject({
      text: 'Next update',
      thread_ts: parent.ts,
    });
  });

  it('refuses times in the past, more than 120 days ahead, or not a time at all', async () => {
    const client = slack.client();
    const schedule = (post_at: number | string) =>
      client.chat.scheduleMessage({ channel: 'C0OPSENGUPD', text: 'x', post_at: post_at as number });
    expect((await slackErrorOf(schedule(nowSec() - 10))).code).toBe('time_in_past');
    expect((await slackErrorOf(schedule(nowSec() + 120 * DAY_SEC + 1))).code).toBe('time_too_far');
    expect((await schedule(nowSec() + 120 * DAY_SEC)).ok).toBe(true);
    expect((await slackErrorOf(schedule('tomorrow'))).code).toBe('invalid_time');
  });

  it('applies the chat.postMessage checks when scheduling', async () => {
    const client = slack.client();
    const inAnHour = nowSec() + 3600;
    expect(
      (
        await slackErrorOf(
          client.chat.scheduleMessage({ channel: 'C0OPSENGOLD', text: 'x', post_at: inAnHour }),
        )
      ).code,
    ).toBe('is_archived');
    expect(
      (await slackErrorOf(client.chat.scheduleMessage({ channel: 'C0NOPE', text: 'x', post_at: inAnHour })))
        .code,
    ).toBe('channel_not_found');
    expect(
      (
        await slackErrorOf(
          client.chat.scheduleMessage({ channel: 'C0OPSENGUPD', text: '', post_at: inAnHour }),
        )
      ).code,
    ).toBe('no_text');
  });

  it('cancels a scheduled message, but not one unknown or about to post', async () => {
    const client = slack.client();
    const later = await client.chat.scheduleMessage({
      channel: 'C0OPSENGUPD',
      text: 'later',
      post_at: nowSec() + 3600,
    });
    await client.chat.deleteScheduledMessage({
      channel: 'C0OPSENGUPD',
      scheduled_message_id: later.scheduled_message_id!,
    });
    expect(slack.fake.scheduled()).toEqual([]);
    const again = client.chat.deleteScheduledMessage({
      channel: 'C0OPSENGUPD',
      scheduled_message_id: later.scheduled_message_id!,
    });
    expect((await slackErrorOf(again)).code).toBe('invalid_scheduled_message_id');
    const soon = await client.chat.scheduleMessage({
      channel: 'C0OPSENGUPD',
      text: 'soon',
      post_at: nowSec() + 30,
    });
    const tooLate = client.chat.deleteScheduledMessage({
      channel: 'C0OPSENGUPD',
      scheduled_message_id: soon.scheduled_message_id!,
    });
    expect((await slackErrorOf(tooLate)).code).toBe('invalid_scheduled_message_id');
  });

  it('lists only the caller’s scheduled messages for a channel, soonest first', async () => {
    const client = slack.client();
    await client.chat.scheduleMessage({ channel: 'C0OPSENGUPD', text: 'second', post_at: nowSec() + 7200 });
    await client.chat.scheduleMessage({ channel: 'C0OPSENGUPD', text: 'first', post_at: nowSec() + 3600 });
    await client.chat.scheduleMessage({ channel: 'C0ASKCOMMS', text: 'elsewhere', post_at: nowSec() + 3600 });
    const listed = await client.chat.scheduledMessages.list({ channel: 'C0OPSENGUPD' });
    expect(listed.scheduled_messages?.map((message) => message.text)).toEqual(['first', 'second']);
  });
});
