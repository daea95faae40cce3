import { describe, expect, it } from 'vitest';
import {
  queryFromFilters,
  emptyHistoryFilters,
  startOfDate,
} from '../../../../../renderer/features/history/history-filters.ts';
import {
  checklistStateWords,
  checklistSummary,
  isWebLink,
  messageTitle,
} from '../../../../../renderer/features/history/message-summary.ts';

describe('history filters', () => {
  it('asks for everything when nothing is filled in', () => {
    expect(queryFromFilters(emptyHistoryFilters, 'Europe/London')).toEqual({
      ok: true,
      value: { limit: 100 },
    });
  });

  it('turns a date range into whole days in the user’s zone, both ends included', () => {
    const outcome = queryFromFilters(
      { ...emptyHistoryFilters, fromDate: '2026-04-23', toDate: '2026-04-23' },
      'Europe/London',
    );
    expect(outcome).toEqual({
      ok: true,
      value: { limit: 100, fromUtc: '2026-04-22T23:00:00.000Z', toUtc: '2026-04-23T23:00:00.000Z' },
    });
  });

  it('keeps a winter day 24 hours long and a clock-change day 23', () => {
    const winter = queryFromFilters(
      { ...emptyHistoryFilters, fromDate: '2026-01-10', toDate: '2026-01-10' },
      'Europe/London',
    );
    expect(winter.ok && winter.value).toMatchObject({
      fromUtc: '2026-01-10T00:00:00.000Z',
      toUtc: '2026-01-11T00:00:00.000Z',
    });
    const springForward = queryFromFilters(
      { ...emptyHistoryFilters, fromDate: '2026-03-29', toDate: '2026-03-29' },
      'Europe/London',
    );
    expect(
      springForward.ok && Date.parse(springForward.value.toUtc!) - Date.parse(springForward.value.fromUtc!),
    ).toBe(23 * 3_600_000);
  });

  it('passes words, channel and type through, trimmed', () => {
    const outcome = queryFromFilters(
      { ...emptyHistoryFilters, text: '  sentry down ', channel: 'chat', typeId: 'incidents' },
      'UTC',
    );
    expect(outcome).toEqual({
      ok: true,
      value: { limit: 100, text: 'sentry down', channel: 'chat', typeId: 'incidents' },
    });
  });

  it('refuses an end date before the start date, naming the end field', () => {
    expect(
      queryFromFilters({ ...emptyHistoryFilters, fromDate: '2026-04-23', toDate: '2026-04-22' }, 'UTC'),
    ).toEqual({
      ok: false,
      error: { field: 'toDate', message: 'The end date is before the start date.' },
    });
    expect(startOfDate('2026-13-01', 'UTC')).toBeUndefined();
    expect(queryFromFilters({ ...emptyHistoryFilters, fromDate: 'yesterday' }, 'UTC')).toMatchObject({
      ok: false,
      error: { field: 'fromDate' },
    });
  });
});

describe('message summaries', () => {
  it('takes the bold first line as the title, unescaped', () => {
    expect(messageTitle('*Incident - Sentry &amp; Grafana*\n\nBody')).toBe('Incident - Sentry & Grafana');
    expect(messageTitle('\n\nNo title here\nmore')).toBe('No title here');
    expect(messageTitle('')).toBe('(no text)');
    expect(messageTitle(`*${'x'.repeat(300)}*`)).toHaveLength(140);
  });

  it('sums up a checklist in words: required items missing, and optional ones left blank (not "missing")', () => {
    expect(
      checklistSummary([
        { itemId: 'a', label: 'A', state: 'done', required: true },
        { itemId: 'b', label: 'B', state: 'missing', required: true },
        { itemId: 'c', label: 'C', state: 'missing', required: false },
        { itemId: 'd', label: 'D', state: 'not_applicable', required: false },
      ]),
    ).toBe('1 done, 1 required missing, 1 not applicable, 1 optional left blank');
    expect(
      checklistStateWords({ itemId: 'c', label: 'Priority', state: 'missing', required: false }).words,
    ).toBe('Left blank (optional)');
    expect(checklistStateWords({ itemId: 'b', label: 'B', state: 'missing', required: true }).words).toBe(
      'Missing',
    );
    expect(checklistSummary([])).toBe('No checklist');
  });

  it('offers only http(s) links without credentials', () => {
    expect(isWebLink('https://moj.slack.com/archives/C1/p1')).toBe(true);
    expect(isWebLink('http://127.0.0.1:3000/archives/C1/p1')).toBe(true);
    expect(isWebLink('javascript:alert(1)')).toBe(false);
    expect(isWebLink('https://user:pw@example.com/')).toBe(false);
    expect(isWebLink(null)).toBe(false);
  });
});
