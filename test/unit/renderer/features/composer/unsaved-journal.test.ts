import { describe, expect, it } from 'vitest';
import {
  clearJournal,
  takeJournal,
  writeJournal,
  type KeyValueStorage,
} from '../../../../../renderer/features/composer/unsaved-journal.ts';
import type { Draft } from '../../../../../shared/messages/index.ts';

function memoryStorage(): KeyValueStorage & { size: () => number } {
  const map = new Map<string, string>();
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
    size: () => map.size,
  };
}

const draft: Draft = {
  id: 'd1',
  typeId: 'incidents',
  stage: 'declared',
  fields: { service: 'Sentry' },
  notApplicable: {},
  body: 'last words',
  channel: 'ops',
};

describe('unsaved journal', () => {
  it('gives back a draft whose save never reached the server, once', () => {
    const storage = memoryStorage();
    writeJournal(storage, { draft, focusedField: 'body' }, 4);
    expect(takeJournal(storage, 'd1', 4)).toEqual({ draft, focusedField: 'body' });
    expect(takeJournal(storage, 'd1', 4)).toBeNull();
  });

  it('drops the copy when the server has a newer revision (the save landed after all)', () => {
    const storage = memoryStorage();
    writeJournal(storage, { draft, focusedField: null }, 4);
    expect(takeJournal(storage, 'd1', 5)).toBeNull();
    expect(storage.size()).toBe(0);
  });

  it('ignores a copy of another draft and unreadable storage', () => {
    const storage = memoryStorage();
    writeJournal(storage, { draft, focusedField: null }, 1);
    expect(takeJournal(storage, 'other', 1)).toBeNull();
    storage.setItem('herald.composer.unsaved', '{not json');
    expect(takeJournal(storage, 'd1', 1)).toBeNull();
    clearJournal(storage);
    expect(storage.size()).toBe(0);
  });
});
