// What sending needs from the outbox (the outbox service). Kept narrow so the
// send path does not depend on how the outbox retries or stores things.
import type { Result } from '../../../shared/api/index.ts';
import type { ConnectionStatus } from '../../../shared/outbox/connection-status.ts';
import type { OutboxItem } from '../../../shared/outbox/outbox-item.ts';
import type { EditRequest, EnqueueRequest } from '../../../shared/outbox/outbox-requests.ts';

export interface OutboxPort {
  enqueue: (request: EnqueueRequest) => Result<OutboxItem>;
  /** An edit of a message already in Slack (chat.update). */
  enqueueEdit: (request: EditRequest) => Result<OutboxItem>;
  get: (id: string) => OutboxItem | undefined;
  /** Resolves once a new item is safe from a power cut (synced, or in Slack). */
  whenSafe: (id: string) => Promise<void>;
  connection: () => ConnectionStatus;
  /** Every state change of every item. Returns the unsubscribe function. */
  onChanged: (listener: (item: OutboxItem) => void) => () => void;
}
