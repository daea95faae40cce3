// Drafts on disk: one small file per draft (storage/record-files.ts), so an
// autosave costs one small write whatever the number of drafts, and a crash
// mid-write leaves the previous version whole. A file that cannot be read is
// moved aside and reported, never deleted.
import { join } from 'node:path';
import { storedDraftSchema, type StoredDraft } from '../../../shared/drafts/stored-draft.ts';
import { createRecordFiles, type RecordFilesContext } from '../storage/record-files.ts';

export interface DraftFiles {
  /** Every readable draft; unreadable files are quarantined and reported. */
  loadAll(): StoredDraft[];
  write(stored: StoredDraft): void;
  remove(id: string): void;
}

export function createDraftFiles(dataDir: string, context: RecordFilesContext): DraftFiles {
  const files = createRecordFiles(
    {
      dir: join(dataDir, 'drafts'),
      label: (name) => `draft ${name}`,
      schema: storedDraftSchema,
      idOf: (stored) => stored.draft.id,
    },
    context,
  );
  return {
    loadAll: () => files.loadAll(),
    write: (stored) => files.write(stored),
    remove: (id) => files.remove(id),
  };
}
