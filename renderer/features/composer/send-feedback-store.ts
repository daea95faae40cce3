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
  /** Between expect() and follow(): changes are kept in `pending` until the send answer names its item. */
  isExpecting: boolean;
  /** Items changed while a send was being answered, newest last. */
  pending: OutboxItem[];
  /** Stops listening to outbox:changed; null while not listening. */
  unsubscribe: (() => void) | null;
  /** Starts listening before a send is requested (see the header). */
  expect: () => void;
  /** Follows the item the send answer named, from the newest state known for it. */
  follow: (item: FollowedItem) => void;
  stop: () => void;
}

/** Bounds `pending`, as a burst of sends could be long. */
const MAX_PENDING = 50;

export const useSendFeedback = create<SendFeedbackState>()((set, get) => {
  function onChanged(changed: OutboxItem): void {
    set((state) => {
      if (state.item?.id === changed.id) return { item: changed };
      if (state.isExpecting) return { pending: [...state.pending.slice(-(MAX_PENDING - 1)), changed] };
      return {};
    });
  }

  function listen(): void {
    if (!get().unsubscribe) set({ unsubscribe: herald().on('outbox:changed', onChanged) });
  }

  return {
    item: null,
    isExpecting: false,
    pending: [],
    unsubscribe: null,
    expect: () => {
      set({ isExpecting: true, pending: [] });
      listen();
    },
    follow: (answer) => {
      const newest = get().pending.findLast((changed) => changed.id === answer.id);
      set({ isExpecting: false, pending: [] });
      listen();
      set({ item: newest ?? answer });
    },
    stop: () => {
      get().unsubscribe?.();
      set({ isExpecting: false, pending: [], unsubscribe: null, item: null });
    },
  };
});
