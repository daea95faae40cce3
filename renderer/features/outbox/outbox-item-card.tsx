// One outbox item: its state as a symbol and words, where it goes, what it
// waits for or why it failed (with the fix), and what the lead can do:
// edit or cancel a queued message, retry a failed one, confirm a held one.
import type { Result } from '../../../shared/api/result.ts';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { OutboxItem } from '../../../shared/outbox/outbox-item.ts';
import { isWebLink, messageTitle } from '../history/message-summary.ts';
import { FieldError, FormField } from '../../ui/form-field.tsx';
import { useFocusKey } from '../../ui/use-focus-key.ts';
import { MrkdwnView } from '../slack-preview/mrkdwn-view.tsx';
import { PromisePassedForm, SchedulePassedForm, UnconfirmedForm } from './held-item-forms.tsx';
import { useOutbox } from './outbox-store.ts';
import { channelLabel, heldExplanation, itemHeading, stateBadges, statusLine } from './outbox-view.ts';

interface CardProps {
  item: OutboxItem;
  zone: string;
  nowMs: number;
}

/** `onDone(null)` closes the editor (saved or abandoned); a message keeps it open with the error. */
function QueuedEditor({ item, onDone }: { item: OutboxItem; onDone: (error: string | null) => void }) {
  const update = useOutbox((state) => state.update);
  const { register, handleSubmit, formState } = useForm<{ text: string }>({
    defaultValues: { text: item.text },
  });
  const onSubmit = handleSubmit(async ({ text }) => {
    // Edited text is sent as text alone: the blocks rendered from the old text would contradict it.
    const result = await update(item.id, { text, blocks: null });
    onDone(result.ok ? null : result.error.message);
  });
  return (
    <form
      className="stack"
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-label="Edit the queued message"
    >
      <FormField
        label="Message text (Slack formatting)"
        help="Saved edits are sent as text, without the block layout."
        error={formState.errors.text?.message}
      >
        {(control) => (
          <textarea
            {...control}
            rows={8}
            autoFocus
            {...register('text', {
              validate: (text) => text.trim() !== '' || 'The message cannot be empty.',
            })}
          />
        )}
      </FormField>
      <div className="row">
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          Save changes
        </button>
        <button type="button" onClick={() => onDone(null)}>
          Cancel editing
        </button>
      </div>
    </form>
  );
}

export function OutboxItemCard({ item, zone, nowMs }: CardProps) {
  const titleId = useId();
  const { cancel, retry, confirm } = useOutbox.getState();
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm-cancel'>('view');
  const [error, setError] = useState<string | null>(null);
  const { containerRef, focusKey } = useFocusKey<HTMLElement>();
  const title = messageTitle(item.text);
  const badge =
    item.kind === 'delete_scheduled' && item.state === 'sent'
      ? { symbol: '✓', label: 'Removed' }
      : stateBadges[item.state];
  const isMessage = item.kind === 'message';
  const isQueued = item.state === 'queued';
  const canCancel =
    isQueued || item.state === 'held' || item.state === 'failed' || item.state === 'scheduled';
  const shownMode =
    (mode === 'edit' && !isQueued) || (mode === 'confirm-cancel' && !canCancel) ? 'view' : mode;

  async function run(action: () => Promise<Result<unknown>>) {
    const result = await action();
    setError(result.ok ? null : [result.error.message, result.error.fix].filter(Boolean).join(' '));
    return result.ok;
  }

  async function cancelItem() {
    setMode('view');
    await run(() => cancel(item.id));
    focusKey('cancel');
  }

  const heldProps = { item, zone, nowMs, confirm, onError: setError };
  return (
    <article
      className={`outbox-item state-${item.state}`}
      aria-labelledby={titleId}
      data-testid="outbox-item"
      data-state={item.state}
      ref={containerRef}
    >
      <div className="outbox-item-head">
        <span className={`state-badge state-${item.state}`}>
          <span aria-hidden="true">{badge.symbol} </span>
          {badge.label}
        </span>
        <h3 id={titleId}>{itemHeading(item, title)}</h3>
      </div>
      <p className="entry-meta">
        <span>
          To <strong>{channelLabel(item)}</strong>
          {item.threadTs !== null || item.threadOf !== null
            ? item.replyBroadcast
              ? ', in the thread and the channel'
              : ', in the thread'
            : ''}
        </span>
        <span>{statusLine(item, zone, nowMs)}</span>
      </p>
      {item.state === 'held' ? <p className="held-why">{heldExplanation(item, zone)}</p> : null}
      {item.problem && item.state !== 'sent' ? (
        <div className={item.state === 'failed' || item.state === 'held' ? 'problem-box' : 'note-box'}>
          <p>
            <span aria-hidden="true">{item.state === 'failed' ? '✗ ' : 'ℹ '}</span>
            <strong>
              {item.state === 'failed'
                ? 'Why it failed: '
                : item.state === 'held'
                  ? 'Why it is held: '
                  : item.state === 'cancelled'
                    ? 'Note: '
                    : 'Last attempt: '}
            </strong>
            {item.problem.message}
          </p>
          <p>
            <strong>What to do: </strong>
            {item.problem.fix}
          </p>
        </div>
      ) : null}
      {item.state === 'sent' && isMessage ? (
        <p>
          {isWebLink(item.permalink) ? (
            <a
              href={item.permalink}
              target="_blank"
              rel="noreferrer noopener"
              aria-label={`Open in Slack: ${title}`}
            >
              Open in Slack <span aria-hidden="true">↗</span>
            </a>
          ) : (
            <span className="muted">Waiting for Slack’s link to the message.</span>
          )}
        </p>
      ) : null}
      {item.state === 'held' && item.heldReason === 'promise_passed' ? (
        <PromisePassedForm {...heldProps} />
      ) : null}
      {item.state === 'held' && item.heldReason === 'schedule_passed' ? (
        <SchedulePassedForm {...heldProps} />
      ) : null}
      {item.state === 'held' && item.heldReason === 'unconfirmed' ? (
        <UnconfirmedForm {...heldProps} onCancel={() => void cancelItem()} />
      ) : null}
      {shownMode === 'edit' ? (
        <QueuedEditor
          item={item}
          onDone={(message) => {
            setError(message);
            if (message === null) {
              setMode('view');
              focusKey('edit');
            }
          }}
        />
      ) : null}
      {shownMode === 'confirm-cancel' ? (
        <div className="confirm-inline" role="group" aria-label="Confirm cancelling">
          <p>Cancel this message? It will not be sent.</p>
          <div className="row">
            <button type="button" className="danger" autoFocus onClick={() => void cancelItem()}>
              Yes, cancel it
            </button>
            <button
              type="button"
              onClick={() => {
                setMode('view');
                focusKey('cancel');
              }}
            >
              Keep it
            </button>
          </div>
        </div>
      ) : null}
      {shownMode === 'view' ? (
        <div className="row" role="group" aria-label="Message actions">
          {isQueued && isMessage && !item.isOutcomeUnclear ? (
            <button type="button" data-focus-key="edit" onClick={() => setMode('edit')}>
              Edit
            </button>
          ) : null}
          {item.state === 'failed' ? (
            <button type="button" className="primary" onClick={() => void run(() => retry(item.id))}>
              Retry
            </button>
          ) : null}
          {isQueued && item.nextAttemptAtUtc !== null ? (
            <button type="button" onClick={() => void run(() => retry(item.id))}>
              Try now
            </button>
          ) : null}
          {canCancel ? (
            <button type="button" data-focus-key="cancel" onClick={() => setMode('confirm-cancel')}>
              Cancel message
            </button>
          ) : null}
        </div>
      ) : null}
      {error ? (
        <div role="alert">
          <FieldError message={error} />
        </div>
      ) : null}
      <details>
        <summary>Message text</summary>
        <div className="sent-text">
          <MrkdwnView text={item.text} context={{ nowMs }} />
        </div>
      </details>
    </article>
  );
}
