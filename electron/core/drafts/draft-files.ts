// Drafts on disk: one small file per draft, written atomically (temporary
// file, then rename), so an autosave costs one small write whatever the
// number of drafts, and a crash mid-write leaves the previous version whole.
// A file that cannot be read is moved aside and reported, never deleted.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StorageNotice } from '../../../shared/api/channels/app.ts';
import { storedDraftSchema, type StoredDraft } from '../../../shared/drafts/stored-draft.ts';
import { quarantineFile } from '../storage/quarantine.ts';

export const DRAFT_FILE_VERSION = 1;
const SAFE_ID = /^[A-Za-z0-9_-]{1,200}$/;

export interface DraftFiles {
  /** Every readable draft; unreadable files are quarantined and reported. */
  loadAll(): StoredDraft[];
  write(stored: StoredDraft): void;
  remove(id: string): void;
}

export function createDraftFiles(dataDir: string, context: { nowMs: () => number; onQuarantine: (notice: StorageNotice) => void }): DraftFiles {
  const dir = join(dataDir, 'drafts');
  mkdirSync(dir, { recursive: true });
  const pathOf = (id: string) => {
    // Ids are made by Herald (UUIDs); anything else never becomes a path.
    if (!SAFE_ID.test(id)) throw new Error('unsafe draft id');
    return join(dir, `${id}.json`);
  };

  return {
    loadAll() {
      const drafts: StoredDraft[] = [];
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (name.includes('.tmp-')) {
          // A write that never reached its rename: the previous version is intact.
          rmSync(path, { force: true });
          continue;
        }
        if (!name.endsWith('.json') || name.includes('.corrupt-')) continue;
        let reason: string | null = null;
        try {
          const envelope = JSON.parse(readFileSync(path, 'utf8')) as { schemaVersion?: unknown; data?: unknown };
          const parsed = storedDraftSchema.safeParse(envelope.data);
          if (envelope.schemaVersion !== DRAFT_FILE_VERSION) reason = 'it has an unknown schemaVersion';
          else if (!parsed.success) reason = `its content does not match the schema (${parsed.error.issues[0]?.message ?? 'invalid'})`;
          else if (`${parsed.data.draft.id}.json` !== name) reason = 'its name does not match the draft inside';
          else drafts.push(parsed.data);
        } catch (error) {
          reason = `it is not valid JSON (${(error as Error).message})`;
        }
        if (reason) context.onQuarantine(quarantineFile(path, `draft ${name}`, reason, context.nowMs()));
      }
      return drafts;
    },
    write(stored) {
      const path = pathOf(stored.draft.id);
      const temporary = `${path}.tmp-${process.pid}`;
      writeFileSync(temporary, JSON.stringify({ schemaVersion: DRAFT_FILE_VERSION, data: stored }));
      renameSync(temporary, path);
    },
    remove(id) {
      rmSync(pathOf(id), { force: true });
    },
  };
}
