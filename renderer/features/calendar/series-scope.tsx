// Which occurrences of a repeating event a cancel or an edit reaches — only this one, this and the following ones,
// or the whole series — and, before anything happens, what that means: how many occurrences change, and which of
// their messages waiting in Slack will be removed or re-written (the scheduled-follow flow, slack-messages.tsx).
import { useEffect, useId, useState } from 'react';
import type { EventDetail } from '../../../shared/calendar/calendar-views.ts';
import type { SeriesPreview } from '../../../shared/calendar/slack-follow.ts';
import { useCalendar } from './calendar-store.ts';
import { stageName, whereItIs } from './slack-messages.tsx';
import { longInstant } from './wall-time.ts';

/** 'one': this occurrence alone (the single-event flow); otherwise a series scope core understands. */
export type ScopeChoice = 'one' | 'following' | 'all';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** What the change would reach, read from core whenever the scope changes; null while not asked or reading. */
export function useSeriesPreview(detail: EventDetail, scope: ScopeChoice) {
  const key = `${detail.event.id}|${detail.event.sequence}|${scope}`;
  const [answer, setAnswer] = useState<{
    key: string;
    preview: SeriesPreview | null;
    error: string | null;
  }>();
  useEffect(() => {
    if (scope === 'one') return;
    let isCurrent = true;
    void useCalendar
      .getState()
      .seriesPreview({ id: detail.event.id, scope })
      .then((result) => {
        if (!isCurrent) return;
        setAnswer(
          result.ok
            ? { key, preview: result.value, error: null }
            : { key, preview: null, error: result.error.message },
        );
      });
    return () => {
      isCurrent = false;
    };
  }, [detail.event.id, key, scope]);
  // An answer for another scope (or an older event) is not shown while the new one is read.
  const isCurrentAnswer = scope !== 'one' && answer?.key === key;
  return { preview: isCurrentAnswer ? answer.preview : null, error: isCurrentAnswer ? answer.error : null };
}

interface SeriesScopeProps {
  detail: EventDetail;
  scope: ScopeChoice;
  onScope: (scope: ScopeChoice) => void;
  change: 'cancel' | 'edit';
  preview: SeriesPreview | null;
  error: string | null;
}

export function SeriesScopeFields({ detail, scope, onScope, change, preview, error }: SeriesScopeProps) {
  const name = useId();
  const zone = useCalendar((state) => state.zone);
  const when = longInstant(detail.event.startsAtUtc, zone);
  const options: ReadonlyArray<{ value: ScopeChoice; label: string }> = [
    { value: 'one', label: `Only this occurrence (${when})` },
    { value: 'following', label: 'This and the following occurrences' },
    { value: 'all', label: 'Every occurrence in the series' },
  ];
  const messages = preview?.occurrences.flatMap((occurrence) =>
    occurrence.messages.map((message) => ({ occurrence, message })),
  );
  return (
    <div className="stack series-scope">
      <fieldset className="follow-fates">
        <legend>{change === 'cancel' ? 'Which occurrences to cancel' : 'Apply the changes to'}</legend>
        {options.map((option) => (
          <label key={option.value} className="checkbox">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={scope === option.value}
              onChange={() => onScope(option.value)}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
      {scope !== 'one' ? (
        <div role="status" className="series-preview" data-testid="series-preview">
          {error ? (
            <p className="field-error">{error}</p>
          ) : preview === null ? (
            <p className="muted">Looking at the series…</p>
          ) : (
            <>
              <p>
                <strong>
                  {change === 'cancel' ? 'Cancels' : 'Changes'}{' '}
                  {plural(preview.occurrences.length, 'occurrence')}
                </strong>
                {preview.occurrences.length > 0
                  ? `: ${preview.occurrences.map((occurrence) => longInstant(occurrence.startsAtUtc, zone)).join('; ')}.`
                  : '. Every occurrence there is already cancelled or complete.'}
              </p>
              {!preview.isCheckedWithSlack ? (
                <p className="muted">Slack cannot be reached: this is what Herald last knew.</p>
              ) : null}
              {messages && messages.length > 0 ? (
                <>
                  <p>
                    {change === 'cancel'
                      ? `${plural(messages.length, 'message')} waiting to go out will be removed from Slack (or the outbox):`
                      : `${plural(messages.length, 'message')} waiting to go out will be re-written and scheduled again if the change touches them:`}
                  </p>
                  <ul className="comm-list" aria-label="Scheduled messages affected">
                    {messages.map(({ occurrence, message }) => (
                      <li key={message.outboxItemId} className="comm-row">
                        <div className="comm-main">
                          <strong>{stageName(message)}</strong>
                          <span>for {longInstant(occurrence.startsAtUtc, zone)}</span>
                          <span>#{message.channel}</span>
                          <span>{whereItIs(message, zone)}</span>
                        </div>
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                <p>No message about these occurrences is waiting in Slack.</p>
              )}
            </>
          )}
        </div>
      ) : null}
    </div>
  );
}
