// Re-renders a queued message whose promise moved with its post (outbox/promise-from-post.ts): the draft it was
// sent from, with the new next-update time, through the same renderer the composer's Send used, and the Slack
// metadata's promise to match, so every lead's Herald reads the same time the channel does.
import { renderBlocks } from '../../../shared/messages/index.ts';
import { openInHeraldTarget } from '../../../shared/deep-links/open-in-herald.ts';
import type { OutboxItem } from '../../../shared/outbox/outbox-item.ts';
import type { Plan } from '../../../shared/plan/index.ts';
import type { PromiseRestamp } from '../outbox/promise-from-post.ts';

export function createPromiseRestamp(deps: { plan: () => Plan; zone: () => string }): PromiseRestamp {
  return (item, promiseAtUtc) => {
    // Without the draft there is nothing to re-render from: the promise stays as written.
    if (item.draft === null) return null;
    const draft = { ...item.draft, fields: { ...item.draft.fields, nextUpdateAtUtc: promiseAtUtc } };
    const rendered = renderBlocks(draft, deps.plan(), {
      zone: deps.zone(),
      // A declaration keeps its "Open in Herald" link (its incident is the item's source).
      openInHerald: openInHeraldTarget(draft, item.source),
    });
    const facts: OutboxItem['facts'] =
      item.facts?.kind === 'incident'
        ? { ...item.facts, incident: { ...item.facts.incident, next_update_at: promiseAtUtc } }
        : item.facts;
    return {
      text: rendered.text,
      blocks: rendered.blocks as unknown as OutboxItem['blocks'],
      facts,
      // A correction reopens the message as it was posted.
      draft,
    };
  };
}
