// The notice after Send follows its outbox item: changes that arrive while
// messages:send is still being answered are kept (bounded) and the newest for
// the named item wins; afterwards only that item's changes move the notice;
// stop() ends the one subscription.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../../../../shared/outbox/outbox-item.ts';
import { createFakeHeraldApi, installFakeWindow } from '../../../../fakes/herald-api.ts';
import { useSendFeedback } from '../../../../../renderer/features/composer/send-feedback-store.ts';

const api = createFakeHeraldApi();
const changed = (id: string, state: OutboxItem['state']) =>
  ({ id, state, channelName: 'operations-engineering-update' }) as OutboxItem;

describe('the send feedback store', () => {
  beforeAll(() => installFakeWindow(api));
  beforeEach(() => {
    useSendFeedback.getState().stop();
    api.reset();
  });

  it('shows the newest change that arrived before the send was answered, not the answer’s older state', () => {
    useSendFeedback.getState().expect();
    api.emit('outbox:changed', changed('o1', 'sending'));
    api.emit('outbox:changed', changed('other', 'sent'));
    api.emit('outbox:changed', changed('o1', 'sent'));
    useSendFeedback.getState().follow({ id: 'o1', state: 'queued' });
    expect(useSendFeedback.getState().item).toMatchObject({ id: 'o1', state: 'sent' });
    expect(useSendFeedback.getState().pending).toEqual([]);
  });

  it('takes the answer when nothing arrived for it, then follows only that item', () => {
    useSendFeedback.getState().expect();
    useSendFeedback.getState().follow({ id: 'o2', state: 'queued' });
    expect(useSendFeedback.getState().item).toEqual({ id: 'o2', state: 'queued' });
    api.emit('outbox:changed', changed('o3', 'sent'));
    expect(useSendFeedback.getState().item?.id).toBe('o2');
    expect(useSendFeedback.getState().pending).toEqual([]);
    api.emit('outbox:changed', changed('o2', 'sent'));
    expect(useSendFeedback.getState().item).toMatchObject({ id: 'o2', state: 'sent' });
  });

  it('keeps at most 50 changes while waiting, the newest', () => {
    useSendFeedback.getState().expect();
    for (let index = 0; index < 60; index += 1) api.emit('outbox:changed', changed(`o${index}`, 'sending'));
    const { pending } = useSendFeedback.getState();
    expect(pending).toHaveLength(50);
    expect(pending[0]?.id).toBe('o10');
    expect(pending.at(-1)?.id).toBe('o59');
  });

  it('subscribes once however often a send is expected, and stop() ends it and clears the notice', () => {
    useSendFeedback.getState().expect();
    useSendFeedback.getState().expect();
    useSendFeedback.getState().follow({ id: 'o1', state: 'queued' });
    expect(api.listenerCount('outbox:changed')).toBe(1);
    useSendFeedback.getState().stop();
    expect(api.listenerCount('outbox:changed')).toBe(0);
    expect(useSendFeedback.getState()).toMatchObject({ item: null, isExpecting: false, unsubscribe: null });
    api.emit('outbox:changed', changed('o1', 'sent'));
    expect(useSendFeedback.getState().item).toBeNull();
  });
});
