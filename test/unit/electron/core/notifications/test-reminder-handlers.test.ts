import { describe, expect, it } from 'vitest';
import { makeCore } from '../../../../support/core-fixture.ts';

describe('the test-only reminder channels', () => {
  it('promise and meet an incident update when the harness runs a test clock', async () => {
    const { core } = makeCore({ withTestClock: true });
    core.start();
    const promised = await core.router.call('testReminders:promise', { incidentId: 'inc-1', incidentTitle: 'Sentry unavailable', nextUpdateAtUtc: '2026-04-20T09:30:00Z' });
    expect(promised.ok && promised.value.map((item) => [item.kind, item.dueAtUtc])).toEqual([
      ['incident_heads_up', '2026-04-20T09:25:00.000Z'],
      ['incident_due', '2026-04-20T09:30:00.000Z'],
      ['incident_overdue', '2026-04-20T09:35:00.000Z'],
    ]);
    const sent = await core.router.call('testReminders:updateSent', { incidentId: 'inc-1' });
    expect(sent.ok && sent.value.every((item) => item.state === 'cleared')).toBe(true);
    expect(core.reminders.list().reminders.filter((item) => item.subject.type === 'incident')).toEqual([]);
    core.stop();
  });

  it('do not exist without a test clock', async () => {
    const { core } = makeCore();
    expect(core.router.channelNames).not.toContain('testReminders:promise');
    expect(await core.router.call('testReminders:promise', { incidentId: 'i', incidentTitle: 't', nextUpdateAtUtc: '2026-04-20T09:30:00Z' })).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
    expect(await core.router.call('testReminders:updateSent', { incidentId: 'i' })).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });
});
