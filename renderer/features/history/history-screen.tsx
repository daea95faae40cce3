// The History screen: every message Herald sent, newest first, searchable
// by words, channel, message type and dates, each with its Slack link and
// the checklist (and any override) as it stood when it was sent.
import { useEffect, useMemo } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { HistoryQuery } from '../../../shared/history/history-query.ts';
import { numericDatePattern } from '../../../shared/time/format.ts';
import { FormField } from '../../ui/form-field.tsx';
import { channelsInPlan } from '../../../shared/plan/plan-edits.ts';
import { usePlan } from '../../server-state/plan-store.ts';
import { HistoryEntryCard } from './history-entry-card.tsx';
import { emptyHistoryFilters, queryFromFilters, type HistoryFilterValues } from './history-filters.ts';
import { followHistory, useHistory } from './history-store.ts';
import { useHeraldNow } from '../../server-state/clock-store.ts';
import { useUserZone } from '../../server-state/settings-store.ts';
import { formatCount } from '../../../shared/slack/limits.ts';
import './history.css';

const TYPING_PAUSE_MS = 250;

export function HistoryScreen() {
  const plan = usePlan((state) => state.plan);
  const zone = useUserZone();
  const nowMs = useHeraldNow();
  const entries = useHistory((state) => state.entries);
  const total = useHistory((state) => state.total);
  const isLoaded = useHistory((state) => state.isLoaded);
  const error = useHistory((state) => state.error);
  const seenChannels = useHistory((state) => state.seenChannels);
  const isLoadingMore = useHistory((state) => state.isLoadingMore);
  const { register, control } = useForm<HistoryFilterValues>({ defaultValues: emptyHistoryFilters });
  const filters = useWatch({ control }) as HistoryFilterValues;
  const outcome = useMemo(() => queryFromFilters(filters, zone), [filters, zone]);

  useEffect(() => followHistory(), []);

  // Search once typing pauses, and only when the question changed; an invalid date range keeps the last answer.
  const queryKey = outcome.ok ? JSON.stringify(outcome.value) : null;
  useEffect(() => {
    if (queryKey === null) return;
    const timer = window.setTimeout(
      () => void useHistory.getState().search(JSON.parse(queryKey) as HistoryQuery),
      TYPING_PAUSE_MS,
    );
    return () => window.clearTimeout(timer);
  }, [queryKey]);

  const channelChoices = [
    ...new Set([...(plan ? channelsInPlan(plan).map((use) => use.channel) : []), ...seenChannels]),
  ];
  const dateError = outcome.ok ? undefined : outcome.error;

  return (
    <div className="history-screen stack-lg">
      <form
        className="card history-filters"
        role="search"
        aria-label="Search history"
        onSubmit={(event) => event.preventDefault()}
      >
        <FormField label="Words in the message">
          {(control) => <input {...control} type="search" autoComplete="off" {...register('text')} />}
        </FormField>
        <FormField label="Channel">
          {(control) => (
            <select {...control} {...register('channel')}>
              <option value="">Any channel</option>
              {channelChoices.map((channel) => (
                <option key={channel} value={channel}>
                  #{channel}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label="Message type">
          {(control) => (
            <select {...control} {...register('typeId')}>
              <option value="">Any type</option>
              {(plan?.types ?? []).map((type) => (
                <option key={type.id} value={type.id}>
                  {type.name}
                  {type.isRetired ? ' (retired)' : ''}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {/* Text, not type="date": the browser's date field writes dates its own way, not the lead's (Settings). */}
        <FormField
          label="Sent from"
          help={numericDatePattern()}
          error={dateError?.field === 'fromDate' ? dateError.message : undefined}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              {...register('fromDate')}
            />
          )}
        </FormField>
        <FormField
          label="Sent to"
          help={numericDatePattern()}
          error={dateError?.field === 'toDate' ? dateError.message : undefined}
        >
          {(control) => (
            <input {...control} type="text" inputMode="numeric" autoComplete="off" {...register('toDate')} />
          )}
        </FormField>
      </form>
      <section aria-labelledby="history-results-heading" className="stack">
        <div className="row history-results-head">
          <h2 id="history-results-heading">Sent messages</h2>
          <p role="status" className="muted" data-testid="history-count">
            {isLoaded
              ? total > entries.length
                ? `Showing the newest ${formatCount(entries.length)} of ${formatCount(total)}`
                : `${formatCount(total)} ${total === 1 ? 'message' : 'messages'}`
              : 'Loading…'}
          </p>
        </div>
        {error ? (
          <p role="alert" className="error-banner">
            Herald could not search history: {error}
          </p>
        ) : null}
        {isLoaded && entries.length === 0 && !error ? (
          <p className="muted">No sent message matches.</p>
        ) : null}
        {plan
          ? entries.map((entry) => (
              <HistoryEntryCard key={entry.id} entry={entry} plan={plan} zone={zone} nowMs={nowMs} />
            ))
          : null}
        {isLoaded && total > entries.length ? (
          <button
            type="button"
            className="history-load-more"
            disabled={isLoadingMore}
            onClick={() => void useHistory.getState().loadMore()}
          >
            {isLoadingMore ? 'Loading…' : `Load more (${formatCount(total - entries.length)} older)`}
          </button>
        ) : null}
      </section>
    </div>
  );
}
