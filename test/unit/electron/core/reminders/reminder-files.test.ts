// Reminders stored one file each (reminder-files.ts): a save writes only what
// changed, whatever the number stored; a data folder with the old single
// `reminders.json` is moved over on first start; a core started on the folder
// without a stop (as after a crash) has every reminder saved before it.
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createReminderFileWriter,
  openReminderFiles,
  reminderFileKey,
} from '../../../../../electron/core/reminders/reminder-files.ts';
import { createReminderRecord, markFired } from '../../../../../electron/core/reminders/reminder-record.ts';
import type { StorageNotice } from '../../../../../shared/api/channels/app.ts';
import type { Reminder } from '../../../../../shared/reminders/reminder.ts';
import { makeCore, makeDataDir } from '../../../../support/core-fixture.ts';

const NOW_MS = Date.UTC(2026, 3, 20, 9);
const FIXTURE = join(import.meta.dirname, '../../../../fixtures/reminders/reminders-v1.json');
const duty = (id: string, dueInMs = 3_600_000) =>
  createReminderRecord({
    id,
    kind: 'plan_duty',
    subject: { type: 'duty', dutyId: id },
    title: id,
    dueAtMs: NOW_MS + dueInMs,
    nowMs: NOW_MS,
  });

function openFiles(dataDir: string, notices: StorageNotice[] = []) {
  return openReminderFiles(dataDir, { nowMs: () => NOW_MS, onQuarantine: (notice) => notices.push(notice) });
}

const storedNames = (dataDir: string) =>
  readdirSync(join(dataDir, 'reminders'))
    .filter((name) => name.endsWith('.json'))
    .sort();

describe('reminders on disk, one file each', () => {
  it('writes only the reminders that changed, and removes the ones gone, with a thousand stored', async () => {
    const dataDir = makeDataDir();
    const files = openFiles(dataDir);
    const writer = createReminderFileWriter(files);
    expect(writer.load()).toEqual([]);
    const all = Array.from({ length: 1_000 }, (_, index) => duty(`duty-${index}`));
    expect(writer.save(all)).toEqual({ written: 1_000, removed: 0 });

    const fired = markFired(all[5]!, NOW_MS, false);
    const next = [...all.slice(0, 5), fired, ...all.slice(6, 999)];
    expect(writer.save(next)).toEqual({ written: 1, removed: 1 });
    await files.synced();
    await files.placed();
    expect(storedNames(dataDir)).toHaveLength(999);
    expect(storedNames(dataDir)).not.toContain('duty-999.json');
    const reloaded = openFiles(dataDir).loadAll();
    expect(reloaded.find((reminder) => reminder.id === 'duty-5')).toMatchObject({ state: 'fired' });
  });

  it('writes nothing on the first save after a start when nothing changed (records are compared by content)', () => {
    const dataDir = makeDataDir();
    createReminderFileWriter(openFiles(dataDir)).save([duty('a'), duty('b')]);
    const writer = createReminderFileWriter(openFiles(dataDir));
    // The scheduler validates what is loaded into new objects: same content, new identities.
    const loaded = writer.load().map((reminder) => structuredClone(reminder));
    expect(writer.save(loaded)).toEqual({ written: 0, removed: 0 });
    const changed = loaded.map((reminder) =>
      reminder.id === 'b' ? { ...reminder, subject: { type: 'duty' as const, dutyId: 'other' } } : reminder,
    );
    expect(writer.save(changed)).toEqual({ written: 1, removed: 0 });
  });

  it('stores a reminder whose id is not a safe file name under a digest of it, and removes it again', async () => {
    const dataDir = makeDataDir();
    const files = openFiles(dataDir);
    const writer = createReminderFileWriter(files);
    const odd: Reminder = duty('../calendar/ev 1:maintenance');
    writer.save([odd]);
    // A new reminder is synced before it goes into place.
    await files.synced();
    expect(storedNames(dataDir)).toEqual([`${reminderFileKey(odd.id)}.json`]);
    expect(reminderFileKey(odd.id)).toMatch(/^id-[A-Za-z0-9_-]+$/);
    expect(
      openFiles(dataDir)
        .loadAll()
        .map((reminder) => reminder.id),
    ).toEqual([odd.id]);
    writer.save([]);
    expect(storedNames(dataDir)).toEqual([]);
  });

  it('sets aside a reminder file that is not a valid reminder and reports it', () => {
    const dataDir = makeDataDir();
    const files = openFiles(dataDir);
    files.write(duty('fine'));
    files.syncNow();
    const notices: StorageNotice[] = [];
    // Edited by hand (no digest): checked against the schema, which it fails.
    writeFileSync(
      join(dataDir, 'reminders', 'broken.json'),
      JSON.stringify({ schemaVersion: 1, data: { id: 'broken', kind: 'nonsense' } }),
    );
    expect(
      openFiles(dataDir, notices)
        .loadAll()
        .map((reminder) => reminder.id),
    ).toEqual(['fine']);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.kind).toBe('corrupt');
  });
});

describe('moving the old single reminders.json over on first start', () => {
  it('moves every valid reminder into its own file, keeps the old file aside, and lists them as before', async () => {
    const dataDir = makeDataDir();
    copyFileSync(FIXTURE, join(dataDir, 'reminders.json'));
    const original = readFileSync(FIXTURE, 'utf8');
    const first = makeCore({ dataDir });
    first.core.start();
    expect(existsSync(join(dataDir, 'reminders.json'))).toBe(false);
    expect(readFileSync(join(dataDir, 'reminders.migrated.json'), 'utf8')).toBe(original);
    const ids = ['6f1c2a0e-5b7d-4c1e-9a3f-2d8e4b6a1c01', '6f1c2a0e-5b7d-4c1e-9a3f-2d8e4b6a1c02'];
    expect(storedNames(dataDir)).toEqual(expect.arrayContaining(ids.map((id) => `${id}.json`)));
    const listed = await first.core.router.call('reminders:list', {});
    const migrated = listed.ok ? listed.value.reminders.filter((reminder) => ids.includes(reminder.id)) : [];
    expect(migrated.map((reminder) => [reminder.kind, reminder.state])).toEqual([
      ['plan_duty', 'fired'],
      ['incident_due', 'armed'],
    ]);
    first.core.stop();

    // The next start reads the files; the moved file is not read again.
    const second = makeCore({ dataDir });
    second.core.start();
    const again = await second.core.router.call('reminders:list', {});
    expect(again.ok && again.value.reminders.filter((reminder) => ids.includes(reminder.id))).toHaveLength(2);
    second.core.stop();
  });

  it('sets a corrupt reminders.json aside and reports it instead of starting without a word', () => {
    const dataDir = makeDataDir();
    const notices: StorageNotice[] = [];
    copyFileSync(FIXTURE, join(dataDir, 'reminders.json'));
    const text = readFileSync(FIXTURE, 'utf8');
    // Cut short, as a full disk could leave it.
    writeFileSync(join(dataDir, 'reminders.json'), text.slice(0, 200));
    expect(openFiles(dataDir, notices).loadAll()).toEqual([]);
    expect(notices.map((notice) => notice.kind)).toEqual(['corrupt']);
    expect(existsSync(join(dataDir, 'reminders.json'))).toBe(false);
  });
});

describe('saving reminders while the app runs', () => {
  it('lands on disk without a stop, and a core started on the folder (as after a crash) has them', async () => {
    const dataDir = makeDataDir();
    const first = makeCore({ dataDir });
    first.core.start();
    first.core.reminders.scheduler.promiseUpdate({
      incidentId: 'inc-9',
      incidentTitle: 'Slow logins',
      nextUpdateAtMs: first.clock.now() + 30 * 60_000,
    });
    // The save's own timer writes them (no stop, no flush); however late a busy machine runs it.
    const incidentsOnDisk = async () => {
      await first.core.reminders.saved();
      return openFiles(dataDir)
        .loadAll()
        .filter((reminder) => reminder.subject.type === 'incident').length;
    };
    await expect.poll(incidentsOnDisk, { timeout: 10_000 }).toBe(3);

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

  it('writes a firing as one small file, not the whole list, with a thousand reminders stored', async () => {
    const dataDir = makeDataDir();
    const seeded = openFiles(dataDir);
    for (let index = 0; index < 1_000; index++) seeded.write(duty(`stored-${index}`, 7 * 86_400_000));
    seeded.write(duty('soon', 60_000));
    seeded.syncNow();
    await seeded.placed();
    const before = new Map(
      storedNames(dataDir).map((name) => [name, readFileSync(join(dataDir, 'reminders', name))]),
    );

    const { core, clock } = makeCore({ dataDir, withTestClock: true });
    core.start();
    clock.advance(61_000);
    const changedFiles = async () => {
      await core.reminders.saved();
      return storedNames(dataDir).filter(
        (name) => !before.get(name)?.equals(readFileSync(join(dataDir, 'reminders', name))),
      );
    };
    // Written by the save's own timer, however late a busy machine runs it.
    await expect.poll(changedFiles, { timeout: 10_000 }).toContain('soon.json');
    expect((await changedFiles()).filter((name) => name.startsWith('stored-'))).toEqual([]);
    core.stop();
  });
});
