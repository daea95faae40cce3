// Reminders on disk: one small file per reminder in `reminders/`
// (storage/record-files.ts, as drafts and outbox items), so saving a change
// costs the records that changed, whatever the number stored. The single
// `reminders.json` this replaces was serialised and hashed whole on the main
// thread after every change (about 4 ms per save at 1,000 reminders, far more
// on a busy machine), and a reminder due meanwhile fired that late
// (bench/scheduler-drift.bench.ts).
//
// The scheduler hands over its whole list on every save; records are
// replaced, never mutated (reminder-record.ts), so what changed since the last
// save is found by identity, without serialising anything.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { reminderSchema, type Reminder } from '../../../shared/reminders/reminder.ts';
import { migrateLegacyStore } from '../storage/legacy-store.ts';
import { createRecordFiles, type RecordFiles, type RecordFilesContext } from '../storage/record-files.ts';

export type ReminderFiles = RecordFiles<Reminder>;

const SAFE_FILE_KEY = /^[A-Za-z0-9_-]{1,200}$/;

/**
 * The file name (without `.json`) a reminder is stored under: its id when that is a safe file name (Herald's
 * own ids are UUIDs), otherwise a digest of it, so no id can ever become a path.
 */
export function reminderFileKey(id: string): string {
  if (SAFE_FILE_KEY.test(id)) return id;
  return `id-${createHash('sha256').update(id).digest('base64url')}`;
}

/** The layout before one file per reminder: every reminder in one `reminders.json`, rewritten on every change. */
const legacyRemindersShape = { schema: z.object({ reminders: z.array(z.unknown()) }) };

/**
 * The reminders' record files, after moving a data folder's old single `reminders.json` into them (once, on the
 * first start of this version). The old file is kept as `reminders.migrated.json` once every reminder is synced.
 */
export function openReminderFiles(dataDir: string, context: RecordFilesContext): ReminderFiles {
  const files = createRecordFiles(
    {
      dir: join(dataDir, 'reminders'),
      label: (name) => `reminder ${name}`,
      schema: reminderSchema,
      idOf: (reminder) => reminderFileKey(reminder.id),
    },
    context,
  );
  migrateLegacyStore(
    {
      path: join(dataDir, 'reminders.json'),
      label: 'reminders',
      shape: legacyRemindersShape,
      // The old store kept reminders unchecked and the scheduler dropped invalid ones on load; they are dropped
      // here too, and stay readable in reminders.migrated.json.
      moveRecords: (data) => {
        for (const item of data.reminders) {
          const parsed = reminderSchema.safeParse(item);
          if (parsed.success) files.write(parsed.data, { durable: true });
        }
        files.syncNow();
      },
    },
    context,
  );
  return files;
}

/**
 * Field by field, one level deep (a reminder's only nested value is its subject): the scheduler validates what
 * was loaded into new objects, so the first save after a start compares contents instead of identities.
 */
function isSameRecord(a: Reminder, b: Reminder): boolean {
  const shallowEqual = (x: object, y: object) => {
    const xKeys = Object.keys(x);
    if (xKeys.length !== Object.keys(y).length) return false;
    return xKeys.every((key) => (x as Record<string, unknown>)[key] === (y as Record<string, unknown>)[key]);
  };
  const aFields = a as Record<string, unknown>;
  const bFields = b as Record<string, unknown>;
  const keys = Object.keys(aFields);
  if (keys.length !== Object.keys(bFields).length) return false;
  return keys.every((key) => {
    const x = aFields[key];
    const y = bFields[key];
    if (x === y) return true;
    return typeof x === 'object' && x !== null && typeof y === 'object' && y !== null && shallowEqual(x, y);
  });
}

export interface ReminderFileWriter {
  /** What is on disk at start (the scheduler validates it); what later saves are compared with. */
  load(): Reminder[];
  /**
   * Makes the files match `all`: writes the records that are new or replaced since the last save and removes
   * the ones gone. A new reminder (a promise the lead relies on) is synced in the background; a change of
   * state is not, so a power cut can at worst bring an alert back (marked late) or undo a dismissal.
   */
  save(all: readonly Reminder[]): { written: number; removed: number };
}

export function createReminderFileWriter(files: ReminderFiles): ReminderFileWriter {
  /** Per reminder id, the record last written (records are never mutated, so identity tells a change). */
  let onDisk = new Map<string, Reminder>();
  return {
    load() {
      const loaded = files.loadAll();
      onDisk = new Map(loaded.map((reminder) => [reminder.id, reminder]));
      return loaded;
    },
    save(all) {
      const next = new Map<string, Reminder>();
      let written = 0;
      for (const reminder of all) {
        next.set(reminder.id, reminder);
        const previous = onDisk.get(reminder.id);
        if (previous === reminder || (previous !== undefined && isSameRecord(previous, reminder))) continue;
        files.write(reminder, { durable: previous === undefined });
        written++;
      }
      let removed = 0;
      for (const id of onDisk.keys()) {
        if (next.has(id)) continue;
        files.remove(reminderFileKey(id));
        removed++;
      }
      onDisk = next;
      return { written, removed };
    },
  };
}
