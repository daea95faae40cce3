// A last-moment copy of a draft whose save had not landed when the page
// went away (reload, window closed). A request started during `pagehide`
// may be cut off; a localStorage write is not. On the next open, the copy
// wins only if the server never saw anything newer. Storage is injected so
// the rules can be tested without a browser.
import type { Draft } from '../../../shared/messages/draft-schema.ts';
import type { DraftSnapshot } from './autosave.ts';

const KEY = 'herald.composer.unsaved';

interface JournalEntry {
  draft: Draft;
  focusedField: string | null;
  /** The server's revision the composer last knew; a higher one means the save landed after all. */
  baseRevision: number;
}

export interface KeyValueStorage {
  getItem: (key: string) => string | null;
  setItem: (key: string, value: string) => void;
  removeItem: (key: string) => void;
}

export function writeJournal(storage: KeyValueStorage, snapshot: DraftSnapshot, baseRevision: number): void {
  try {
    const entry: JournalEntry = { draft: snapshot.draft, focusedField: snapshot.focusedField, baseRevision };
    storage.setItem(KEY, JSON.stringify(entry));
  } catch {
    // Storage full or blocked: the regular save is still on its way.
  }
}

export function clearJournal(storage: KeyValueStorage): void {
  try {
    storage.removeItem(KEY);
  } catch {
    // Nothing to clear.
  }
}

function readEntry(storage: KeyValueStorage): JournalEntry | null {
  try {
    const text = storage.getItem(KEY);
    return text ? (JSON.parse(text) as JournalEntry) : null;
  } catch {
    return null;
  }
}

/** Whether an unsaved copy of `draftId` is waiting (the composer will open it, not what the server holds). */
export function hasJournal(storage: KeyValueStorage, draftId: string): boolean {
  return readEntry(storage)?.draft?.id === draftId;
}

/** The unsaved copy of `draftId`, when it is newer than what the server holds at `serverRevision`. */
export function takeJournal(
  storage: KeyValueStorage,
  draftId: string,
  serverRevision: number,
): DraftSnapshot | null {
  const entry = readEntry(storage);
  if (entry === null || entry.draft?.id !== draftId) return null;
  clearJournal(storage);
  if (serverRevision > entry.baseRevision) return null;
  return { draft: entry.draft, focusedField: entry.focusedField ?? null };
}
