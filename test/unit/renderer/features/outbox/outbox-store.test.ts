// The Outbox screen's section counts stay true as items change: a change to a
// shown item moves its count between sections, a new item adds to one when
// every page is loaded, and a change to an item on a page not loaded yet asks
// core to count again (it may already be counted).
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OutboxList } from '../../../../../shared/api/channels/outbox.ts';
import type { OutboxItem } from '../../../../../shared/outbox/outbox-item.ts';
import { ok } from '../../../../../shared/api/result.ts';
import { createFakeHeraldApi, installFakeWindow } from '../../../../fakes/herald-api.ts';
import { useOutbox } from '../../../../../renderer/features/outbox/outbox-store.ts';

const api = createFakeHeraldApi();
const at = (minute: number) => `2026-04-23T11:${String(minute).padStart(2, '0')}:00.000Z`;
const item = (id: string, sequence: number, state: OutboxItem['state'], minute = 0) =>
  ({ id, sequence, state, updatedAtUtc: at(minute) }) as OutboxItem;
const connection = { state: 'online', message: 'ok', sinceUtc: at(0), nextCheckAtUtc: null } as const;

function answerList(list: Omit<OutboxList, 'connection'>) {
  api.answer('outbox:list', () => ok({ ...list, connection }));
}

describe('the outbox store', () => {
  beforeAll(() => installFakeWindow(api));
  beforeEach(() => {
    api.reset();
    useOutbox.setState({ items: [], total: 0, sections: { attention: 0, waiting: 0, finished: 0 } });
  });

  it('moves a shown item’s count to its new section, and ignores an older answer', async () => {
    answerList({
      items: [item('a', 1, 'queued'), item('b', 2, 'queued')],
      total: 2,
      sections: { attention: 0, waiting: 2, finished: 0 },
    });
    await useOutbox.getState().load();
    useOutbox.getState().applyItem(item('a', 1, 'sent', 1));
    expect(useOutbox.getState().sections).toEqual({ attention: 0, waiting: 1, finished: 1 });
    useOutbox.getState().applyItem(item('a', 1, 'queued', 0));
    expect(useOutbox.getState().sections).toEqual({ attention: 0, waiting: 1, finished: 1 });
    useOutbox.getState().applyItem(item('c', 3, 'held', 2));
    expect(useOutbox.getState().sections).toEqual({ attention: 1, waiting: 1, finished: 1 });
    expect(useOutbox.getState().total).toBe(3);
  });

  it('asks core to count again when an item on a page not loaded yet changes', async () => {
    answerList({
      items: [item('a', 1, 'queued')],
      total: 1_000,
      sections: { attention: 0, waiting: 1_000, finished: 0 },
    });
    await useOutbox.getState().load();
    answerList({ items: [], total: 1_000, sections: { attention: 0, waiting: 999, finished: 1 } });
    useOutbox.getState().applyItem(item('z', 900, 'cancelled', 3));
    await expect
      .poll(() => useOutbox.getState().sections)
      .toEqual({ attention: 0, waiting: 999, finished: 1 });
    expect(api.calls.filter((call) => call.channel === 'outbox:list')).toHaveLength(2);
    expect(api.calls.at(-1)?.args).toEqual({ limit: 1 });
  });
});
