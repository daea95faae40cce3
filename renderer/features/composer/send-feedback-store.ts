// The message the composer just sent, followed live: every outbox:changed
// for it replaces what the notice shows, so "Sending…" becomes "Sent ✓" (or
// "Queued", "Scheduled in Slack", "Not sent") as the outbox moves it. Events
// that arrive while messages:send is still being answered are kept, so an
// item that landed before the answer came back is not shown as sending.
import { create } from 'zustand';
import type { OutboxItem } from '../../../shared/outbox/outbox-item.ts';
import { herald } from '../../api/herald.ts';
import type { FollowedItem } from './send-feedback.ts';

interface SendFeedbackState {
  /** The item the notice shows; null when there is none. */
  item: FollowedItem | null;
  /** Starts listening before a send is requested (see the header). */
  expect: () => void;
  /** Follows the item the send answer named, from the newest state known for it. */
  follow: (item: FollowedItem) => void;
  stop: () => void;
}

/** Items changed while a send was being answered, newest last; bounded, as a burst of sends could be long. */
const MAX_PENDING = 50;
let pending: OutboxItem[] = [];
let isExpecting = false;
let unsubscribe: (() => void) | null = null;

function listen(): void {
  unsubscribe ??= herald().on('outbox:changed', (changed) => {
    const { item } = useSendFeedback.getState();
    if (item?.id === changed.id) useSendFeedback.setState({ item: changed });
    else if (isExpecting) pending = [...pending.slice(-(MAX_PENDING - 1)), changed];
  });
}

export const useSendFeedback = create<SendFeedbackState>()((set) => ({
  item: null,
  expect: () => {
    isExpecting = true;
    pending = [];
    listen();
  },
  follow: (answer) => {
    const newest = pending.findLast((changed) => changed.id === answer.id);
    isExpecting = false;
    pending = [];
    listen();
    set({ item: newest ?? answer });
  },
  stop: () => {
    isExpecting = false;
    pending = [];
    unsubscribe?.();
    unsubscribe = null;
    set({ item: null });
  },
}));
