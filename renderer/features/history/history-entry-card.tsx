// One sent message in History: title, when and where it went, the link to
// it in Slack, and the checklist and any override as they stood at send time.
import { useId } from 'react';
import type { HistoryEntry } from '../../../shared/history/history-entry.ts';
import type { Plan } from '../../../shared/plan/plan-schema.ts';
import { formatInstant } from '../../../shared/time/index.ts';
import { MrkdwnView } from '../slack-preview/mrkdwn-view.tsx';
import { stageNameOf, typeNameOf } from '../templates/template-groups.ts';
import { EditInSlackButton } from '../composer/edit-in-slack-button.tsx';
import { checklistStateWords, checklistSummary, isWebLink, messageTitle } from './message-summary.ts';

/** "1 correction, 2 headline updates": what replaced the earlier texts. */
function versionsSummary(versions: HistoryEntry['versions']): string {
  const corrections = versions.filter((version) => version.purpose === 'correction').length;
  const headlines = versions.length - corrections;
  const parts = [
    ...(corrections > 0 ? [`${corrections} correction${corrections === 1 ? '' : 's'}`] : []),
    ...(headlines > 0 ? [`${headlines} headline update${headlines === 1 ? '' : 's'}`] : []),
  ];
  return parts.join(', ');
}

interface HistoryEntryCardProps {
  entry: HistoryEntry;
  plan: Plan;
  zone: string;
  nowMs: number;
}

export function HistoryEntryCard({ entry, plan, zone, nowMs }: HistoryEntryCardProps) {
  const titleId = useId();
  const title = messageTitle(entry.text);
  const { typeId, stage } = entry.source;
  const kind = typeId
    ? [
        typeNameOf(plan, typeId),
        ...(stage && stage !== 'message' ? [stageNameOf(plan, typeId, stage)] : []),
      ].join(' · ')
    : 'Message';
  const where = entry.channelName ? `#${entry.channelName}` : entry.channelId;
  return (
    <article className="history-entry" aria-labelledby={titleId} data-testid="history-entry">
      <h3 id={titleId}>{title}</h3>
      <p className="entry-meta">
        <span>{kind}</span>
        <span>
          Sent {formatInstant(Date.parse(entry.sentAtUtc), zone)} to <strong>{where}</strong>
        </span>
        {entry.threadTs ? (
          <span>{entry.replyBroadcast ? 'Thread reply, also sent to the channel' : 'Thread reply'}</span>
        ) : null}
        {entry.via === 'schedule' ? <span>Scheduled in Slack</span> : null}
        {entry.editedAtUtc ? (
          <span data-testid="history-edited">
            Edited {formatInstant(Date.parse(entry.editedAtUtc), zone)}
          </span>
        ) : null}
      </p>
      <p className="entry-actions">
        {isWebLink(entry.permalink) ? (
          <a
            href={entry.permalink}
            target="_blank"
            rel="noreferrer noopener"
            aria-label={`Open in Slack: ${title}`}
          >
            Open in Slack <span aria-hidden="true">↗</span>
          </a>
        ) : (
          <span className="muted">No link yet: Slack has not given one.</span>
        )}
        {entry.ts !== null && entry.draft !== null ? (
          <EditInSlackButton messageId={entry.id} label={`Edit in Slack: ${title}`} />
        ) : null}
      </p>
      {entry.override ? (
        <div className="override-note">
          <p>
            <strong>
              <span aria-hidden="true">⚠ </span>Sent with an override.
            </strong>{' '}
            Reason given: “{entry.override.reason}”
          </p>
          {entry.override.warnings.length > 0 ? (
            <ul>
              {entry.override.warnings.map((warning) => (
                <li key={`${warning.code}:${warning.message}`}>{warning.message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {entry.checklist.length > 0 ? (
        <details>
          <summary>Checklist when sent: {checklistSummary(entry.checklist)}</summary>
          <ul className="checklist-snapshot">
            {entry.checklist.map((item) => {
              const state = checklistStateWords(item);
              return (
                <li key={item.itemId} className={state.className}>
                  <span aria-hidden="true">{state.symbol} </span>
                  <span className="snapshot-state">{state.words}:</span> {item.label}
                  {item.required ? <span className="muted"> (required)</span> : null}
                </li>
              );
            })}
          </ul>
        </details>
      ) : null}
      <details>
        <summary>
          {entry.versions.length > 0 ? 'Message as it reads in Slack now' : 'Message as sent'}
        </summary>
        <div className="sent-text">
          <MrkdwnView text={entry.text} context={{ nowMs }} />
        </div>
      </details>
      {entry.versions.length > 0 ? (
        <details data-testid="history-versions">
          <summary>
            Earlier versions ({entry.versions.length}): {versionsSummary(entry.versions)}
          </summary>
          <ol className="entry-versions">
            {[...entry.versions].reverse().map((version) => (
              <li key={version.editId}>
                <p className="muted">
                  {version.purpose === 'correction' ? 'Corrected' : 'Headline kept current'}: this text was
                  replaced {formatInstant(Date.parse(version.replacedAtUtc), zone)}
                </p>
                <div className="sent-text">
                  <MrkdwnView text={version.text} context={{ nowMs }} />
                </div>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </article>
  );
}
