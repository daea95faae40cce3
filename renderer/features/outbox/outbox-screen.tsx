// The Outbox screen: the connection to Slack, then what needs the lead
// (held and failed messages), what is on its way (queued, sending,
// scheduled) and what has finished (sent, with links; cancelled). Live:
// every change to an item or the connection shows at once.
import { useEffect } from 'react';
import type { OutboxItem } from '../../../shared/outbox/outbox-item.ts';
import { useHeraldNow } from '../../server-state/clock-store.ts';
import { useUserZone } from '../../server-state/settings-store.ts';
import { ConnectionBanner } from './connection-banner.tsx';
import { OutboxItemCard } from './outbox-item-card.tsx';
import { followOutbox, useOutbox } from './outbox-store.ts';
import { FINISHED_SHOWN, groupOutbox } from './outbox-view.ts';
import '../history/history.css';
import './outbox.css';
import { useConnection } from '../../server-state/connection-store.ts';
import { formatCount } from '../../../shared/slack/limits.ts';

interface SectionProps {
  id: string;
  title: string;
  empty: string;
  items: readonly OutboxItem[];
  zone: string;
  nowMs: number;
  note?: string;
  /** How many items the section holds in core, shown or not. */
  count: number;
}

function OutboxSection({ id, title, empty, items, zone, nowMs, note, count }: SectionProps) {
  const shown = Math.min(items.length, count);
  return (
    <section aria-labelledby={id} className="outbox-section" data-testid={id}>
      <h2 id={id}>
        {title}{' '}
        <span className="count" data-testid={`${id}-count`}>
          (
          {count > shown
            ? `${formatCount(shown)} of ${formatCount(count)}`
            : formatCount(Math.max(count, items.length))}
          )
        </span>
      </h2>
      {note ? <p className="help">{note}</p> : null}
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="outbox-list">
          {items.map((item) => (
            <li key={item.id}>
              <OutboxItemCard item={item} zone={zone} nowMs={nowMs} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function OutboxScreen() {
  const items = useOutbox((state) => state.items);
  const isLoaded = useOutbox((state) => state.isLoaded);
  const loadError = useOutbox((state) => state.loadError);
  const notLoadedCount = useOutbox((state) => Math.max(0, state.total - state.items.length));
  const sections = useOutbox((state) => state.sections);
  const zone = useUserZone();
  const isOnline = useConnection((state) => state.status?.state === 'online');
  const isQuiet = useOutbox(
    (state) => isOnline && state.items.every((item) => item.state === 'sent' || item.state === 'cancelled'),
  );
  // "Next try in 20 s" and "checks again in 10 s" need a livelier clock than a quiet outbox does.
  const nowMs = useHeraldNow(isQuiet ? 30_000 : 5_000);

  useEffect(() => followOutbox(), []);

  if (loadError) {
    return (
      <p role="alert" className="error-banner">
        Herald could not read the outbox: {loadError}
      </p>
    );
  }
  if (!isLoaded) return <p className="muted">Loading the outbox…</p>;

  const groups = groupOutbox(items);
  return (
    <div className="outbox-screen stack-lg">
      <ConnectionBanner nowMs={nowMs} hasWaiting={groups.waiting.length > 0} />
      <OutboxSection
        id="outbox-attention"
        title="Needs you"
        empty="Nothing needs you."
        items={groups.attention}
        count={sections.attention}
        zone={zone}
        nowMs={nowMs}
      />
      <OutboxSection
        id="outbox-waiting"
        title="On the way"
        empty="Nothing is waiting to be sent."
        items={groups.waiting}
        count={sections.waiting}
        zone={zone}
        nowMs={nowMs}
        note="Messages to the same channel go out in the order they were queued. You can edit or cancel one until it is being sent."
      />
      <OutboxSection
        id="outbox-finished"
        title="Sent and cancelled"
        empty="Nothing sent yet."
        items={groups.finished}
        count={sections.finished}
        zone={zone}
        nowMs={nowMs}
        note={`The newest ${FINISHED_SHOWN}; every sent message is in History.`}
      />
      {notLoadedCount > 0 ? (
        <button
          type="button"
          className="outbox-load-more"
          onClick={() => void useOutbox.getState().loadMore()}
        >
          Load more ({formatCount(notLoadedCount)} not shown yet)
        </button>
      ) : null}
    </div>
  );
}
