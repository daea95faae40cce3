import { describe, expect, it } from 'vitest';
import { slackDateText } from '../../../../../renderer/features/slack-preview/slack-date-text.ts';

const at = Date.parse('2026-04-23T11:00:00Z') / 1000; // 12:00 BST, 07:00 in New York
const nowMs = Date.parse('2026-04-23T08:00:00Z');

describe('slackDateText', () => {
  it('shows the instant in the reader’s zone and clock', () => {
    expect(
      slackDateText(at, '{date_short_pretty} at {time}', {
        timeZone: 'Europe/London',
        isTwelveHour: false,
        nowMs,
      }),
    ).toBe('Today at 12:00');
    expect(
      slackDateText(at, '{date_short_pretty} at {time}', {
        timeZone: 'America/New_York',
        isTwelveHour: true,
        nowMs,
      }),
    ).toBe('Today at 7:00 AM');
  });

  it('says tomorrow and yesterday, and writes other days out', () => {
    const day = 86_400_000;
    expect(slackDateText(at, '{date_pretty}', { timeZone: 'Europe/London', nowMs: nowMs - day })).toBe(
      'Tomorrow',
    );
    expect(slackDateText(at, '{date_pretty}', { timeZone: 'Europe/London', nowMs: nowMs + day })).toBe(
      'Yesterday',
    );
    expect(
      slackDateText(at, '{date_long_pretty}', { timeZone: 'Europe/London', nowMs: nowMs + 5 * day }),
    ).toBe('Thursday, April 23rd, 2026');
  });

  it('fills every date word Slack documents and leaves unknown ones', () => {
    const options = { timeZone: 'UTC', isTwelveHour: false, nowMs };
    expect(slackDateText(at, '{date_num} {date_short} {time_secs} {nonsense}', options)).toBe(
      '2026-04-23 Apr 23, 2026 11:00:00 {nonsense}',
    );
    expect(slackDateText(at, '{date}', options)).toBe('April 23rd, 2026');
  });
});
