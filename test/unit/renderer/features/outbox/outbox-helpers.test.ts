import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConnectionStatus } from '../../../../../shared/outbox/connection-status.ts';
import type { OutboxItem } from '../../../../../shared/outbox/outbox-item.ts';
import { formatInstant, slackDate } from '../../../../../shared/time/index.ts';
import {
  connectionBanner,
  groupOutbox,
  heldExplanation,
  statusLine,
  withItem,
  channelLabel,
} from '../../../../../renderer/features/outbox/outbox-view.ts';
import { retimeBlocks, retimeText } from '../../../../../renderer/features/outbox/retime-promise.ts';

const zone = 'Europe/London';
const oldIso = '2026-04-23T11:00:00.000Z';
const newMs = Date.parse('2026-04-23T12:30:00.000Z');

function item(overrides: Partial<OutboxItem>): OutboxItem {
  return {
    id: 'i1',
    sequence: 1,
    kind: 'message',
    editOf: null,
    targetId: null,
    waitsFor: null,
    state: 'queued',
    channel: 'operations-engineering-update',
    channelId: 'C0OPSENGUPD',
    channelName: 'operations-engineering-update',
    text: '*Incident - Sentry*',
    blocks: null,
    threadTs: null,
    threadOf: null,
    replyBroadcast: false,
    sendAtUtc: null,
    scheduleForUtc: null,
    promiseAtUtc: null,
    promiseAfterMs: null,
    source: {},
    checklist: [],
    override: null,
    draft: null,
    facts: null,
    attempts: 0,
    isOutcomeUnclear: false,
    nextAttemptAtUtc: null,
    problem: null,
    heldReason: null,
    ts: null,
    permalink: null,
    scheduledMessageId: null,
    createdAtUtc: '2026-04-23T10:00:00.000Z',
    updatedAtUtc: '2026-04-23T10:00:00.000Z',
    firstAttemptAtUtc: null,
    sentAtUtc: null,
    ...overrides,
  };
}

describe('moving a promise to a new time', () => {
  it('rewrites the Slack date token for the old time, keeping its format, and leaves other times alone', () => {
    const other = slackDate(Date.parse('2026-04-24T09:00:00.000Z'), zone);
    const text = `*Next update:* ${slackDate(Date.parse(oldIso), zone)}\nWindow ends ${other}`;
    const retimed = retimeText(text, oldIso, newMs, zone);
    expect(retimed).toContain(slackDate(newMs, zone));
    expect(retimed).not.toContain(slackDate(Date.parse(oldIso), zone));
    expect(retimed).toContain(other);
  });

  it('rewrites the written-out time outside tokens, as in a plain-text header', () => {
    const text = `Next update at ${formatInstant(Date.parse(oldIso), zone)}`;
    expect(retimeText(text, oldIso, newMs, zone)).toBe(`Next update at ${formatInstant(newMs, zone)}`);
  });

  it('walks every string in the blocks and keeps their shape', () => {
    const blocks = [
      { type: 'section', text: { type: 'mrkdwn', text: slackDate(Date.parse(oldIso), zone) } },
      { type: 'divider' },
    ];
    expect(retimeBlocks(blocks, oldIso, newMs, zone)).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: slackDate(newMs, zone) } },
      { type: 'divider' },
    ]);
  });

  it('never changes text that does not state the old time', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        fc.pre(!text.includes('<!date^') && !text.includes(formatInstant(Date.parse(oldIso), zone)));
        expect(retimeText(text, oldIso, newMs, zone)).toBe(text);
      }),
    );
  });
});

describe('describing outbox items', () => {
  it('groups held and failed first, waiting in queue order, finished newest first', () => {
    const items = [
      item({ id: 'sent-old', sequence: 1, state: 'sent', sentAtUtc: '2026-04-23T10:01:00.000Z' }),
      item({ id: 'held', sequence: 2, state: 'held' }),
      item({ id: 'q2', sequence: 4, state: 'queued' }),
      item({ id: 'q1', sequence: 3, state: 'sending' }),
      item({ id: 'sent-new', sequence: 5, state: 'sent', sentAtUtc: '2026-04-23T10:05:00.000Z' }),
      item({ id: 'failed', sequence: 6, state: 'failed' }),
    ];
    const groups = groupOutbox(items);
    expect(groups.attention.map((entry) => entry.id)).toEqual(['held', 'failed']);
    expect(groups.waiting.map((entry) => entry.id)).toEqual(['q1', 'q2']);
    expect(groups.finished.map((entry) => entry.id)).toEqual(['sent-new', 'sent-old']);
  });

  it('keeps the newer of two answers about one item', () => {
    const newer = item({ state: 'sent', updatedAtUtc: '2026-04-23T10:05:00.000Z' });
    const older = item({ state: 'queued', updatedAtUtc: '2026-04-23T10:01:00.000Z' });
    expect(withItem([newer], older)).toEqual([newer]);
    expect(withItem([older], newer)).toEqual([newer]);
  });

  it('says what a queued item waits for', () => {
    const nowMs = Date.parse('2026-04-23T10:00:00.000Z');
    expect(statusLine(item({ nextAttemptAtUtc: '2026-04-23T10:00:30.000Z' }), zone, nowMs)).toMatch(
      /^Next try/,
    );
    expect(statusLine(item({ isOutcomeUnclear: true }), zone, nowMs)).toMatch(/earlier attempt/);
    expect(statusLine(item({ threadOf: 'parent' }), zone, nowMs)).toMatch(/replies to/);
    expect(statusLine(item({ state: 'failed', attempts: 3 }), zone, nowMs)).toBe('Failed after 3 attempts.');
  });

  it('explains a held promise with the time it promised', () => {
    expect(
      heldExplanation(item({ state: 'held', heldReason: 'promise_passed', promiseAtUtc: oldIso }), zone),
    ).toContain('Thu 23 Apr 2026, 12:00 BST');
  });

  it('names channels with # and leaves ids alone', () => {
    expect(channelLabel(item({ channelName: null, channel: '#chat' }))).toBe('#chat');
    expect(channelLabel(item({ channelName: null, channel: 'C0CHAT12' }))).toBe('C0CHAT12');
  });

  it('gives each connection state a banner with a symbol, and the fix when there is one', () => {
    const status = (
      state: ConnectionStatus['state'],
      extra: Partial<ConnectionStatus> = {},
    ): ConnectionStatus => ({
      state,
      message: 'Slack cannot be reached.',
      sinceUtc: oldIso,
      nextCheckAtUtc: null,
      ...extra,
    });
    const nowMs = Date.parse(oldIso);
    expect(connectionBanner(status('online'), nowMs).tone).toBe('ok');
    expect(connectionBanner(null, nowMs).tone).toBe('info');
    expect(
      connectionBanner(status('offline', { nextCheckAtUtc: '2026-04-23T11:00:30.000Z' }), nowMs).nextCheck,
    ).toMatch(/checks again in/);
    expect(
      connectionBanner(status('auth_stopped', { fix: 'Reconnect Slack in Settings.' }), nowMs),
    ).toMatchObject({ tone: 'error', fix: 'Reconnect Slack in Settings.' });
  });
});
