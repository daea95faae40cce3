import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createReminderFileSaver } from '../../../../../electron/core/reminders/reminder-file-saver.ts';
import { createReminderRecord } from '../../../../../electron/core/reminders/reminder-record.ts';
import { makeCore, makeDataDir } from '../../../../support/core-fixture.ts';

const NOW_MS = Date.UTC(2026, 3, 20, 9);
const duty = (id: string) =>
  createReminderRecord({
    id,
    kind: 'plan_duty',
    subject: { type: 'duty', dutyId: id },
    title: id,
    dueAtMs: NOW_MS + 3_600_000,
    nowMs: NOW_MS,
  });

describe('saving reminders in the background', () => {
  it('lands on disk without a stop, and a core started on the folder (as after a crash) has them', async () => {
    const dataDir = makeDataDir();
    const first = makeCore({ dataDir });
    first.core.start();
    first.core.reminders.scheduler.promiseUpdate({
      incidentId: 'inc-9',
      incidentTitle: 'Slow logins',
      nextUpdateAtMs: first.clock.now() + 30 * 60_000,
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    await first.core.reminders.saved();
    const onDisk = JSON.parse(readFileSync(join(dataDir, 'reminders.json'), 'utf8')) as {
      schemaVersion: number;
      data: { reminders: { subject: { type: string } }[] };
    };
    expect(onDisk.schemaVersion).toBe(1);
    expect(onDisk.data.reminders.filter((reminder) => reminder.subject.type === 'incident')).toHaveLength(3);

    const second = makeCore({ dataDir });
    const listed = await second.core.router.call('reminders:list', {});
    expect(
      listed.ok &&
        listed.value.reminders
          .filter((reminder) => reminder.subject.type === 'incident')
          .map((reminder) => reminder.kind),
    ).toEqual(['incident_heads_up', 'incident_due', 'incident_overdue']);
    first.core.stop();
  });

  it('never replaces a file written synchronously meanwhile with an older background write', async () => {
    const path = join(makeDataDir(), 'reminders.json');
    const errors: unknown[] = [];
    const saver = createReminderFileSaver({ path, schemaVersion: 1, onError: (error) => errors.push(error) });
    saver.save([duty('older')]);
    expect(saver.isBusy()).toBe(true);
    // What a quit does: supersede, then write the latest state synchronously.
    saver.supersede();
    writeFileSync(path, JSON.stringify({ schemaVersion: 1, data: { reminders: [duty('latest')] } }));
    await saver.idle();
    expect(errors).toEqual([]);
    expect(
      (
        JSON.parse(readFileSync(path, 'utf8')) as { data: { reminders: { id: string }[] } }
      ).data.reminders.map((reminder) => reminder.id),
    ).toEqual(['latest']);
  });

  it('writes the latest of the saves asked for while one was running', async () => {
    const path = join(makeDataDir(), 'reminders.json');
    const saver = createReminderFileSaver({ path, schemaVersion: 1, onError: () => {} });
    saver.save([duty('a')]);
    saver.save([duty('b')]);
    saver.save([duty('c')]);
    await saver.idle();
    expect(
      (
        JSON.parse(readFileSync(path, 'utf8')) as { data: { reminders: { id: string }[] } }
      ).data.reminders.map((reminder) => reminder.id),
    ).toEqual(['c']);
  });
});
