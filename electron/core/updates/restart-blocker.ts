// Whether restarting now would lose something: a message on its way to Slack
// (the outbox's "sending" state) or keystrokes in the composer not yet saved
// (only the renderer knows; it reports them through app:reportUnsavedWork).

export interface UnsavedWork {
  hasUnsavedDraft(): boolean;
  report(hasUnsavedDraft: boolean): void;
}

export function createUnsavedWork(onChange: () => void): UnsavedWork {
  let hasUnsavedDraft = false;
  return {
    hasUnsavedDraft: () => hasUnsavedDraft,
    report(next) {
      if (next === hasUnsavedDraft) return;
      hasUnsavedDraft = next;
      onChange();
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
