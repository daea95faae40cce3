// Whether restarting now would lose something: a message on its way to Slack
// (the outbox's "sending" state) or keystrokes in the composer not yet saved
// (only the renderer knows; it reports them through app:reportUnsavedWork).
import { ok } from '../../../shared/api/result.ts';
import type { Handler } from '../api/router.ts';

export interface UnsavedWork {
  hasUnsavedDraft(): boolean;
  report(hasUnsavedDraft: boolean): void;
  handlers: { 'app:reportUnsavedWork': Handler<'app:reportUnsavedWork'> };
}

export function createUnsavedWork(onChange: () => void): UnsavedWork {
  let hasUnsavedDraft = false;
  const report = (next: boolean) => {
    if (next === hasUnsavedDraft) return;
    hasUnsavedDraft = next;
    onChange();
  };
  return {
    hasUnsavedDraft: () => hasUnsavedDraft,
    report,
    handlers: {
      'app:reportUnsavedWork': ({ hasUnsavedDraft: next }) => {
        report(next);
        return Promise.resolve(ok({}));
      },
    },
  };
}

export function restartBlocker(sendingCount: number, hasUnsavedDraft: boolean): string | null {
  if (sendingCount > 0)
    return sendingCount === 1
      ? 'A message is being sent to Slack.'
      : `${sendingCount} messages are being sent to Slack.`;
  if (hasUnsavedDraft) return 'The draft you are writing has changes that are not saved yet.';
  return null;
}
