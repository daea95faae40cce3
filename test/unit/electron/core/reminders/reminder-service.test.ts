import { describe, expect, it } from 'vitest';
import type { EventName } from '../../../../../shared/api/index.ts';
import {
  applyReminderChange,
  type OpenReminders,
  type RemindersChanged,
} from '../../../../../shared/reminders/reminder-changes.ts';
import { makeCore, makeDataDir } from '../../../../support/core-fixture.ts';

describe('reminders wired into core', () => {
  it('fires a promised update through the event bus and lists, snoozes and dismisses it over the API', async () => {
    const { core, clock } = makeCore();
    const seen: Array<{ event: EventName; payload: unknown }> = [];
    core.bus.subscribe((event, payload) => seen.push({ event, payload }));
    core.start();
    const dueAtMs = clock.now() + 30 * 60_000;
    expect(
      core.reminders.scheduler.promiseUpdate({
        incidentId: 'inc-1',
        incidentTitle: 'Sentry unavailable',
        nextUpdateAtMs: dueAtMs,
      }).ok,
    ).toBe(true);

    clock.advance(25 * 60_000);
    const fired = seen.filter((item) => item.event === 'reminders:fired');
    expect(fired).toHaveLength(1);
    expect(fired[0]!.payload).toMatchObject({
      reminder: { kind: 'incident_heads_up', title: expect.stringContaining('Sentry') },
      wasLate: false,
    });

    const listed = await core.router.call('reminders:list', {});
    const incidentReminders = listed.ok
      ? listed.value.reminders.filter((reminder) => reminder.subject.type === 'incident')
      : [];
    expect(incidentReminders.map((reminder) => reminder.kind)).toEqual([
      'incident_heads_up',
      'incident_due',
      'incident_overdue',
    ]);
    const headsUp = incidentReminders[0];
    expect(await core.router.call('reminders:dismiss', { id: headsUp!.id })).toMatchObject({
      ok: true,
      value: { state: 'dismissed' },
    });
    expect(await core.router.call('reminders:snooze', { id: 'no-such-reminder' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen.some((item) => item.event === 'reminders:changed')).toBe(true);
    core.stop();
  });

  it('patches reminder settings without resetting the fields it was not given', async () => {
    const dataDir = makeDataDir();
    const { core } = makeCore({ dataDir });
    await core.router.call('reminders:updateSettings', {
      snoozeMs: 10 * 60_000,
      quietHours: { startHHMM: '22:00', endHHMM: '07:00', zone: 'Europe/London' },
    });
    const patched = await core.router.call('reminders:updateSettings', { isSoundEnabled: false });
    expect(patched).toMatchObject({
      ok: true,
      value: { snoozeMs: 600_000, isSoundEnabled: false, quietHours: { startHHMM: '22:00' } },
    });
    const cleared = await core.router.call('reminders:updateSettings', { quietHours: null });
    expect(cleared.ok && cleared.value.quietHours).toBeUndefined();
    expect(await core.router.call('reminders:updateSettings', { snoozeMs: 5 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', fields: ['snoozeMs'] },
    });
    const reopened = makeCore({ dataDir });
    expect(await reopened.core.router.call('reminders:getSettings', {})).toMatchObject({
      ok: true,
      value: { snoozeMs: 600_000, isSoundEnabled: false },
    });
  });

  it('re-arms persisted reminders after a restart and fires a missed one late', () => {
    const dataDir = makeDataDir();
    const first = makeCore({ dataDir });
    first.core.start();
    first.core.reminders.scheduler.promiseUpdate({
      incidentId: 'inc-2',
      incidentTitle: 'Login slow',
      nextUpdateAtMs: first.clock.now() + 10 * 60_000,
    });
    first.core.stop();

    const second = makeCore({ dataDir });
    second.clock.set(second.clock.now() + 3 * 3600_000);
    const fired: unknown[] = [];
    second.core.reminders.onFire((firing) =>
      fired.push({ kind: firing.reminder.kind, wasLate: firing.wasLate }),
    );
    second.core.start();
    expect(fired.filter((item) => (item as { kind: string }).kind !== 'plan_duty')).toEqual([
      { kind: 'incident_overdue', wasLate: true },
    ]);
    second.core.stop();
  });

  it('announces each change as a delta the renderer can apply to the list it read', async () => {
    const { core, clock } = makeCore();
    core.start();
    const listed = await core.router.call('reminders:list', {});
    if (!listed.ok) throw new Error(listed.error.message);
    const changes: RemindersChanged[] = [];
    core.bus.subscribe((event, payload) => {
      if (event === 'reminders:changed') changes.push(payload as RemindersChanged);
    });
    core.reminders.scheduler.promiseUpdate({
      incidentId: 'inc-3',
      incidentTitle: 'Queue backlog',
      nextUpdateAtMs: clock.now() + 30 * 60_000,
    });
    core.reminders.scheduler.resolveIncident('inc-3');
    expect(changes.map((change) => [change.upserted.length, change.closedIds.length])).toEqual([
      [3, 0],
      [0, 3],
    ]);
    let view: OpenReminders | null = listed.value;
    for (const change of changes) view = view && applyReminderChange(view, change);
    const relisted = await core.router.call('reminders:list', {});
    expect(relisted.ok && view).toEqual(
      relisted.ok && {
        epoch: relisted.value.epoch,
        version: relisted.value.version,
        reminders: relisted.value.reminders,
      },
    );
    core.stop();
  });
});
