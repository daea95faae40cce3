import { describe, expect, it } from 'vitest';
import { sendFeedback, type FollowedItem } from '../../../../../renderer/features/composer/send-feedback.ts';

const zone = 'Europe/London';
const item = (overrides: Partial<FollowedItem>): FollowedItem => ({
  id: 'o1',
  state: 'queued',
  channelName: 'operations-engineering-update',
  ...overrides,
});

describe('what the composer says after Send, from the outbox item as it is now', () => {
  it('says it is being sent only while Slack answers, and "Sent ✓" with the link once it landed', () => {
    expect(sendFeedback(item({ state: 'sending' }), 'online', zone).text).toBe(
      'Sending to #operations-engineering-update…',
    );
    const permalink = 'https://moj.slack.com/archives/C0OPSENGUPD/p1776942000000100';
    expect(sendFeedback(item({ state: 'sent', permalink }), 'online', zone)).toEqual({
      tone: 'success',
      text: 'Sent ✓ to #operations-engineering-update.',
      permalink,
      isSettled: true,
    });
    // Sent, link still on its way: never "Sending" again.
    expect(sendFeedback(item({ state: 'sent', permalink: null }), 'offline', zone)).toMatchObject({
      text: 'Sent ✓ to #operations-engineering-update.',
      isSettled: false,
    });
  });

  it('says plainly when Slack cannot be reached or is not connected', () => {
    expect(sendFeedback(item({}), 'offline', zone).text).toBe(
      'Queued: Slack cannot be reached. It goes as soon as Slack answers.',
    );
    expect(sendFeedback(item({}), 'auth_stopped', zone)).toMatchObject({
      tone: 'error',
      fix: 'Connect Slack in Settings; the message goes once it is.',
    });
  });

  it('names the day and time a message is scheduled in Slack for, in the lead’s zone', () => {
    expect(
      sendFeedback(item({ state: 'scheduled', scheduleForUtc: '2026-12-16T12:00:00.000Z' }), 'online', zone)
        .text,
    ).toBe('Scheduled in Slack for Wed 16 Dec 12:00.');
    expect(sendFeedback(item({ sendAtUtc: '2026-04-23T11:00:00.000Z' }), 'offline', zone).text).toContain(
      'Herald sends it at Thu 23 Apr 12:00',
    );
  });

  it('gives the reason and the fix when it failed or is held', () => {
    const failed = sendFeedback(
      item({
        state: 'failed',
        problem: {
          code: 'channel_not_found',
          message: 'Slack has no channel #nowhere.',
          fix: 'Choose another channel.',
        },
      }),
      'online',
      zone,
    );
    expect(failed).toMatchObject({
      tone: 'error',
      text: 'Not sent: Slack has no channel #nowhere.',
      fix: 'Choose another channel.',
    });
    expect(sendFeedback(item({ state: 'held', problem: null }), 'online', zone)).toMatchObject({
      tone: 'error',
      fix: 'Open the Outbox to confirm it or give it a new time.',
    });
  });

  it('speaks of an edit as an edit: queued offline, waiting for its message, then "Edited ✓" with the link', () => {
    const edit = (overrides: Partial<FollowedItem>) => item({ kind: 'edit', ...overrides });
    expect(sendFeedback(edit({ state: 'queued' }), 'offline', zone).text).toBe(
      'Edit queued: Slack cannot be reached. The message is edited as soon as Slack answers.',
    );
    expect(sendFeedback(edit({ state: 'queued', waitsFor: 'o0' }), 'online', zone).text).toBe(
      'Edit queued: it is made as soon as the message it corrects is in Slack.',
    );
    expect(sendFeedback(edit({ state: 'sending' }), 'online', zone).text).toBe(
      'Editing the message in #operations-engineering-update…',
    );
    const permalink = 'https://moj.slack.com/archives/C0OPSENGUPD/p1776942000000100';
    expect(sendFeedback(edit({ state: 'sent', permalink }), 'online', zone)).toEqual({
      tone: 'success',
      text: 'Edited ✓ in #operations-engineering-update.',
      permalink,
      isSettled: true,
    });
    expect(
      sendFeedback(
        edit({
          state: 'failed',
          problem: {
            code: 'edit_window_closed',
            message: 'Slack no longer lets it be edited.',
            fix: 'Post a correction.',
          },
        }),
        'online',
        zone,
      ),
    ).toMatchObject({
      tone: 'error',
      text: 'Not edited: Slack no longer lets it be edited.',
      fix: 'Post a correction.',
    });
  });
});
