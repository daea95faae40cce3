import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { StorageNotice } from '../../../../../shared/api/channels/app.ts';
import { migrate, openVersionedStore, type StoreDefinition } from '../../../../../electron/core/storage/versioned-store.ts';
import { createConfBackend } from '../../../../../electron/harness/start-harness.ts';
import { makeCore, makeDataDir } from '../../../../support/core-fixture.ts';

const notesSchema = z.object({ notes: z.array(z.string()), owner: z.string() });
const notesDefinition: StoreDefinition<typeof notesSchema> = {
  name: 'notes',
  schema: notesSchema,
  defaults: () => ({ notes: [], owner: 'nobody' }),
  // v1 stored a single `note` string; v2 a list without an owner; v3 adds the owner.
  migrations: [
    (data) => ({ notes: [(data as { note: string }).note] }),
    (data) => ({ ...(data as object), owner: 'comms lead' }),
  ],
};

function open(dataDir: string, notices: StorageNotice[] = []) {
  return openVersionedStore(notesDefinition, { dataDir, createBackend: createConfBackend, nowMs: () => Date.parse('2026-04-20T09:00:00Z'), onQuarantine: (notice) => notices.push(notice) });
}

describe('versioned stores', () => {
  it('persists writes across reopen', () => {
    const dataDir = makeDataDir();
    open(dataDir).write({ notes: ['a'], owner: 'me' });
    expect(open(dataDir).read()).toEqual({ notes: ['a'], owner: 'me' });
  });

  it('runs each numbered migration step in order', () => {
    expect(migrate({ note: 'x' }, 1, notesDefinition.migrations!)).toEqual({ notes: ['x'], owner: 'comms lead' });
    expect(migrate({ notes: ['y'] }, 2, notesDefinition.migrations!)).toEqual({ notes: ['y'], owner: 'comms lead' });
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
    expect(notices[0]).toMatchObject({ store: 'notes', reason: expect.stringContaining('not valid JSON') });
    expect(existsSync(notices[0]!.quarantinedTo)).toBe(true);
    expect(readFileSync(notices[0]!.quarantinedTo, 'utf8')).toContain('"notes": [');
    expect(notices[0]!.quarantinedTo).toMatch(/notes\.corrupt-2026-04-20T09-00-00-000Z\.json$/);
  });

  it('quarantines content that fails the schema or comes from a newer version', () => {
    for (const content of [{ schemaVersion: 3, data: { notes: 'not a list' } }, { schemaVersion: 99, data: {} }, { data: {} }]) {
      const dataDir = makeDataDir();
      writeFileSync(join(dataDir, 'notes.json'), JSON.stringify(content));
      const notices: StorageNotice[] = [];
      open(dataDir, notices);
      expect(notices).toHaveLength(1);
      expect(readdirSync(dataDir).some((name) => name.startsWith('notes.corrupt-'))).toBe(true);
    }
  });

  it('keeps other stores intact when one is corrupt, and tells the user through app:info', async () => {
    const dataDir = makeDataDir();
    const first = makeCore({ dataDir });
    await first.core.router.invoke('settings:update', { timeZone: 'America/New_York' });
    writeFileSync(join(dataDir, 'slack-connection.json'), 'garbage');
    const second = makeCore({ dataDir });
    const info = await second.core.router.invoke('app:info', {});
    expect(info).toMatchObject({ ok: true, value: { storageNotices: [expect.objectContaining({ store: 'slack-connection' })] } });
    expect(await second.core.router.invoke('settings:get', {})).toMatchObject({ ok: true, value: { timeZone: 'America/New_York' } });
  });
});
