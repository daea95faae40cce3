// The History screen asks core for its list once when it opens, even when a
// sent message (history:changed) is heard before its first search goes out.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../../../shared/history/history-entry.ts';
import { ok } from '../../../../../shared/api/result.ts';
import { createFakeHeraldApi, installFakeWindow } from '../../../../fakes/herald-api.ts';
import { followHistory, useHistory } from '../../../../../renderer/features/history/history-store.ts';

const api = createFakeHeraldApi();
const listCalls = () => api.calls.filter((call) => call.channel === 'history:list');

describe('the History screen opening', () => {
  beforeAll(() => installFakeWindow(api));
  beforeEach(() => {
    api.reset();
    api.answer('history:list', () => ok({ entries: [], total: 0 }));
    useHistory.setState({
      entries: [],
      total: 0,
      isLoaded: false,
      query: {},
      searchCount: 0,
      isOpening: false,
    });
  });

  it('asks once when a sent message is heard before its first search', async () => {
    const stop = followHistory();
    // The permalink of a message sent just before, heard while the screen waits for the typing pause.
    api.emit('history:changed', {} as HistoryEntry);
    await useHistory.getState().search({ limit: 100 });
    expect(listCalls()).toEqual([{ channel: 'history:list', args: { limit: 100 } }]);
    stop();
  });

  it('follows every change once the list is shown', async () => {
    const stop = followHistory();
    await useHistory.getState().search({ limit: 100 });
    api.emit('history:changed', {} as HistoryEntry);
    await Promise.resolve();
    expect(listCalls()).toHaveLength(2);
    stop();
    // Reopened: the first search is again the screen's own.
    const again = followHistory();
    api.emit('history:changed', {} as HistoryEntry);
    await useHistory.getState().search({ limit: 100 });
    expect(listCalls()).toHaveLength(3);
    again();
  });
});
