import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { StorageNotice } from '../../../../../shared/api/channels/app.ts';
import {
  migrate,
  openVersionedStore,
  type StoreDefinition,
} from '../../../../../electron/core/storage/versioned-store.ts';
import { createConfBackend } from '../../../../../electron/harness/start-harness.ts';
import { makeCore, makeDataDir } from '../../../../support/core-fixture.ts';

const notesSchema = z.object({ notes: z.array(z.string()), owner: z.string() });
const notesDefinition: StoreDefinition<typeof notesSchema> = {
  name: 'notes',
  schema: notesSchema,
  defaults: () => ({ notes: [], owner: 'nobody' }),
  // v1 stored a single `note` string; v2 a list without an owner; v3 adds the owner.
  migrations: [
    { describe: 'one note becomes a list', up: (data) => ({ notes: [(data as { note: string }).note] }) },
    { describe: 'adds the owner', up: (data) => ({ ...(data as object), owner: 'comms lead' }) },
  ],
};

function open(dataDir: string, notices: StorageNotice[] = []) {
  return openVersionedStore(notesDefinition, {
    dataDir,
    createBackend: createConfBackend,
    nowMs: () => Date.parse('2026-04-20T09:00:00Z'),
    onQuarantine: (notice) => notices.push(notice),
  });
}

describe('versioned stores', () => {
  it('persists writes across reopen', () => {
    const dataDir = makeDataDir();
    open(dataDir).write({ notes: ['a'], owner: 'me' });
    expect(open(dataDir).read()).toEqual({ notes: ['a'], owner: 'me' });
  });

  it('runs each numbered migration step in order', () => {
    expect(migrate({ note: 'x' }, 1, notesDefinition.migrations!)).toEqual({
      notes: ['x'],
      owner: 'comms lead',
    });
    expect(migrate({ notes: ['y'] }, 2, notesDefinition.migrations!)).toEqual({
      notes: ['y'],
      owner: 'comms lead',
    });
    const dataDir = makeDataDir();
    writeFileSync(join(dataDir, 'notes.json'), JSON.stringify({ schemaVersion: 1, data: { note: 'old' } }));
    expect(open(dataDir).read()).toEqual({ notes: ['old'], owner: 'comms lead' });
    expect(JSON.parse(readFileSync(join(dataDir, 'notes.json'), 'utf8'))).toMatchObject({ schemaVersion: 3 });
  });

  it('quarantines a corrupt file with a timestamp, reports it, and starts from defaults', () => {
    const dataDir = makeDataDir();
    writeFileSync(join(dataDir, 'notes.json'), '{"schemaVersion": 3, "data": {"notes": [');
    const notices: StorageNotice[] = [];
    expect(open(dataDir, notices).read()).toEqual({ notes: [], owner: 'nobody' });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      store: 'notes',
      kind: 'corrupt',
      reason: expect.stringContaining('not valid JSON'),
    });
    expect(existsSync(notices[0]!.quarantinedTo)).toBe(true);
    expect(readFileSync(notices[0]!.quarantinedTo, 'utf8')).toContain('"notes": [');
    expect(notices[0]!.quarantinedTo).toMatch(/notes\.corrupt-2026-04-20T09-00-00-000Z\.json$/);
  });

  it('quarantines content that fails the schema or has no version', () => {
    for (const content of [{ schemaVersion: 3, data: { notes: 'not a list' } }, { data: {} }]) {
      const dataDir = makeDataDir();
      writeFileSync(join(dataDir, 'notes.json'), JSON.stringify(content));
      const notices: StorageNotice[] = [];
      open(dataDir, notices);
      expect(notices).toEqual([expect.objectContaining({ store: 'notes', kind: 'corrupt' })]);
      expect(readdirSync(dataDir).some((name) => name.startsWith('notes.corrupt-'))).toBe(true);
    }
  });

  it('keeps a file from a newer Herald aside, unchanged, and says so instead of calling it corrupt', () => {
    const dataDir = makeDataDir();
    const newer = JSON.stringify({
      schemaVersion: 4,
      data: { notes: ['from the future'], owner: 'me', colour: 'blue' },
    });
    writeFileSync(join(dataDir, 'notes.json'), newer);
    const notices: StorageNotice[] = [];
    const store = open(dataDir, notices);
    expect(store.read()).toEqual({ notes: [], owner: 'nobody' });
    expect(notices).toEqual([
      expect.objectContaining({
        store: 'notes',
        kind: 'newer_version',
        reason: expect.stringContaining('written by a newer version of Herald'),
      }),
    ]);
    expect(notices[0]!.reason).not.toContain('corrupt');
    expect(notices[0]!.quarantinedTo).toMatch(/notes\.from-newer-herald-2026-04-20T09-00-00-000Z\.json$/);
    // Kept byte for byte, and never overwritten by later writes.
    store.write({ notes: ['new'], owner: 'me' });
    expect(readFileSync(notices[0]!.quarantinedTo, 'utf8')).toBe(newer);
    expect(readdirSync(dataDir).filter((name) => name.startsWith('notes.corrupt-'))).toEqual([]);
  });

  it('keeps other stores intact when one is corrupt, and tells the user through app:info', async () => {
    const dataDir = makeDataDir();
    const first = makeCore({ dataDir });
    await first.core.router.invoke('settings:update', { timeZone: 'America/New_York' });
    writeFileSync(join(dataDir, 'slack-connection.json'), 'garbage');
    const second = makeCore({ dataDir });
    const info = await second.core.router.invoke('app:info', {});
    expect(info).toMatchObject({
      ok: true,
      value: { storageNotices: [expect.objectContaining({ store: 'slack-connection' })] },
    });
    expect(await second.core.router.invoke('settings:get', {})).toMatchObject({
      ok: true,
      value: { timeZone: 'America/New_York' },
    });
  });

  it('reports a newer-version store through app:info and storage:quarantined with its own kind', async () => {
    const dataDir = makeDataDir();
    writeFileSync(
      join(dataDir, 'templates.json'),
      JSON.stringify({ schemaVersion: 99, data: { templates: [] } }),
    );
    const { core } = makeCore({ dataDir });
    const info = await core.router.invoke('app:info', {});
    expect(info).toMatchObject({
      ok: true,
      value: {
        storageNotices: [
          expect.objectContaining({
            store: 'templates',
            kind: 'newer_version',
            reason: expect.stringContaining('newer version of Herald'),
          }),
        ],
      },
    });
  });
});

describe('checked once, trusted after', () => {
  let checks = 0;
  const countedSchema = notesSchema.superRefine(() => {
    checks += 1;
  });
  const counted: StoreDefinition<typeof countedSchema> = { ...notesDefinition, schema: countedSchema };
  const openCounted = (dataDir: string, notices: StorageNotice[] = []) =>
    openVersionedStore(counted, {
      dataDir,
      createBackend: createConfBackend,
      nowMs: () => Date.parse('2026-04-20T09:00:00Z'),
      onQuarantine: (notice) => notices.push(notice),
    });
  const path = (dataDir: string) => join(dataDir, 'notes.json');
  const edit = (dataDir: string, change: (envelope: { data: { notes: unknown } }) => void) => {
    const envelope = JSON.parse(readFileSync(path(dataDir), 'utf8')) as { data: { notes: unknown } };
    change(envelope);
    writeFileSync(path(dataDir), JSON.stringify(envelope));
  };

  it('reads data it wrote itself without checking it again, and checks it once a byte has changed', () => {
    const dataDir = makeDataDir();
    openCounted(dataDir).write({ notes: ['a'], owner: 'me' });
    checks = 0;
    expect(openCounted(dataDir).read()).toEqual({ notes: ['a'], owner: 'me' });
    expect(checks).toBe(0);

    edit(dataDir, (envelope) => (envelope.data.notes = ['b']));
    expect(openCounted(dataDir).read()).toEqual({ notes: ['b'], owner: 'me' });
    expect(checks).toBe(1);

    const notices: StorageNotice[] = [];
    edit(dataDir, (envelope) => (envelope.data.notes = 5));
    expect(openCounted(dataDir, notices).read()).toEqual({ notes: [], owner: 'nobody' });
    expect(notices).toMatchObject([{ kind: 'corrupt' }]);
  });

  it('checks a file stamped at an older version after migrating it', () => {
    const dataDir = makeDataDir();
    writeFileSync(
      path(dataDir),
      JSON.stringify({ schemaVersion: 2, digest: 'anything', data: { notes: ['old'] } }),
    );
    checks = 0;
    expect(openCounted(dataDir).read()).toEqual({ notes: ['old'], owner: 'comms lead' });
    expect(checks).toBe(1);
  });
});

describe('settings files with valid JSON but wrong values', () => {
  const cases: Array<{ file: string; data: unknown; path: string }> = [
    {
      file: 'settings',
      data: { slackApiUrl: 'https://slack.com/api/', timeZone: 'Mars/Olympus_Mons', keepRunningInTray: true },
      path: 'timeZone',
    },
    {
      file: 'settings',
      data: { slackApiUrl: 'https://slack.com/api/', timeZone: 'Europe/London', keepRunningInTray: 'yes' },
      path: 'keepRunningInTray',
    },
    {
      file: 'calendar-settings',
      data: {
        leadTimes: { announcementDaysBefore: -3, reminderDaysBefore: 1 },
        dutySchedules: {},
        weekStartsOn: 1,
      },
      path: 'leadTimes',
    },
    {
      file: 'calendar-settings',
      data: {
        leadTimes: { announcementDaysBefore: 7, reminderDaysBefore: 1 },
        dutySchedules: {},
        weekStartsOn: 3,
      },
      path: 'weekStartsOn',
    },
    {
      file: 'reminder-settings',
      data: { headsUpBeforeMs: 'soon', isSoundEnabled: true },
      path: 'headsUpBeforeMs',
    },
    { file: 'reminder-settings', data: { snoozeMs: 1 }, path: 'snoozeMs' },
  ];

  for (const { file, data, path } of cases) {
    it(`quarantines ${file}.json with a wrong ${path} and reports it, rather than falling back to defaults`, async () => {
      const dataDir = makeDataDir();
      const content = JSON.stringify({ schemaVersion: 1, data });
      writeFileSync(join(dataDir, `${file}.json`), content);
      const { core } = makeCore({ dataDir });
      const notices = core.storageNotices.filter((notice) => notice.store === file);
      expect(notices).toEqual([
        expect.objectContaining({ kind: 'corrupt', reason: expect.stringContaining(path) }),
      ]);
      // The user's file is kept as it was, not overwritten by the defaults.
      expect(readFileSync(notices[0]!.quarantinedTo, 'utf8')).toBe(content);
      const info = await core.router.call('app:info', {});
      expect(info.ok && info.value.storageNotices.map((notice) => notice.store)).toContain(file);
    });
  }

  it('still fills in a settings field added later (missing, not wrong) without a notice', () => {
    const dataDir = makeDataDir();
    writeFileSync(
      join(dataDir, 'settings.json'),
      JSON.stringify({ schemaVersion: 1, data: { timeZone: 'America/New_York' } }),
    );
    const { core } = makeCore({ dataDir });
    expect(core.storageNotices).toEqual([]);
    expect(core.settings.get()).toMatchObject({ timeZone: 'America/New_York', keepRunningInTray: true });
  });
});
