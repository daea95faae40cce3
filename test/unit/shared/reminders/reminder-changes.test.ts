import { describe, expect, it } from 'vitest';
import { createReminderRecord } from '../../../../electron/core/reminders/reminder-record.ts';
import {
  applyReminderChange,
  changeOf,
  type OpenReminders,
} from '../../../../shared/reminders/reminder-changes.ts';
import type { Reminder } from '../../../../shared/reminders/reminder.ts';

const NOW_MS = Date.UTC(2026, 3, 23, 10, 0);
const nowUtc = new Date(NOW_MS).toISOString();
const duty = (id: string, minutes: number): Reminder =>
  createReminderRecord({
    id,
    kind: 'plan_duty',
    subject: { type: 'duty', dutyId: id },
    title: id,
    dueAtMs: NOW_MS + minutes * 60_000,
    nowMs: NOW_MS,
  });

describe('reminder changes as deltas', () => {
  const start: OpenReminders = { epoch: 'run-1', version: 4, reminders: [duty('a', 10), duty('b', 20)] };

  it('splits a change into the open reminders it touched and the ids it closed', () => {
    const closed = {
      ...duty('a', 10),
      state: 'cleared' as const,
      closedReason: 'cancelled' as const,
      closedAtUtc: nowUtc,
    };
    const change = changeOf([closed, duty('c', 5)], { epoch: 'run-1', version: 5, nowUtc });
    expect(change.upserted.map((reminder) => reminder.id)).toEqual(['c']);
    expect(change.closedIds).toEqual(['a']);
  });

  it('applies the next version: closed ones leave, new and changed ones land in due order', () => {
    const moved = duty('b', 1);
    const next = applyReminderChange(
      start,
      changeOf([moved, duty('c', 15)], { epoch: 'run-1', version: 5, nowUtc }),
    );
    expect(next?.version).toBe(5);
    expect(next?.reminders.map((reminder) => reminder.id)).toEqual(['b', 'a', 'c']);
    const closed = {
      ...duty('a', 10),
      state: 'dismissed' as const,
      closedReason: 'dismissed' as const,
      closedAtUtc: nowUtc,
    };
    expect(
      applyReminderChange(next!, changeOf([closed], { epoch: 'run-1', version: 6, nowUtc }))?.reminders.map(
        (reminder) => reminder.id,
      ),
    ).toEqual(['b', 'c']);
  });

  it('ignores a change the list already reflects', () => {
    expect(applyReminderChange(start, changeOf([duty('z', 1)], { epoch: 'run-1', version: 4, nowUtc }))).toBe(
      start,
    );
  });

  it('asks for the whole list after a missed version or a restarted core', () => {
    expect(
      applyReminderChange(start, changeOf([duty('z', 1)], { epoch: 'run-1', version: 6, nowUtc })),
    ).toBeNull();
    expect(
      applyReminderChange(start, changeOf([duty('z', 1)], { epoch: 'run-2', version: 1, nowUtc })),
    ).toBeNull();
  });
});
