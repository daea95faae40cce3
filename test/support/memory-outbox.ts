// An in-memory OutboxPort for unit tests of the send path: it queues what it
// is given and lets the test mark items sent.
import { randomUUID } from 'node:crypto';
import type { OutboxPort } from '../../electron/core/messages/outbox-port.ts';
import { newEditItem, newQueuedItem } from '../../shared/outbox/new-queued-item.ts';
import { editRequestSchema, enqueueRequestSchema } from '../../shared/outbox/outbox-requests.ts';
import type { OutboxItem } from '../../shared/outbox/outbox-item.ts';

export function createMemoryOutbox(
  nowMs: () => number,
): OutboxPort & { items: OutboxItem[]; markSent: (id: string, ts: string) => OutboxItem } {
  const items: OutboxItem[] = [];
  const listeners = new Set<(item: OutboxItem) => void>();
  const iso = () => new Date(nowMs()).toISOString();
  return {
    items,
    enqueue(request) {
      const parsed = enqueueRequestSchema.parse(request);
      const item: OutboxItem = {
        ...newQueuedItem(parsed, {
          id: randomUUID(),
          nowIso: iso(),
          channel: { channel: parsed.channel, channelId: null, channelName: null },
        }),
        sequence: items.length,
      };
      items.push(item);
      return { ok: true, value: item };
    },
    enqueueEdit(request) {
      const item: OutboxItem = {
        ...newEditItem(editRequestSchema.parse(request), { id: randomUUID(), nowIso: iso() }),
        sequence: items.length,
      };
      items.push(item);
      return { ok: true, value: item };
    },
    get: (id) => items.find((item) => item.id === id),
    connection: () => ({ state: 'online', message: 'Slack answers.', sinceUtc: iso(), nextCheckAtUtc: null }),
    onChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    markSent(id, ts) {
      const item = items.find((candidate) => candidate.id === id)!;
      Object.assign(item, { state: 'sent', ts, sentAtUtc: iso() });
      for (const listener of listeners) listener(item);
      return item;
    },
  };
}
