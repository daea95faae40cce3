// One channel out of step with the truth, with the button that drafts its
// fix: on the Audiences screen and in the notification centre alike.
import { useId } from 'react';
import type { AudienceFlag } from '../../shared/api/channels/audiences.ts';
import { describeClaims, fixLabel, flagHeadline } from '../../shared/audiences/flag-wording.ts';
import { useAudiences } from '../server-state/audiences-store.ts';
import { useHeraldNow } from '../server-state/clock-store.ts';
import { useUserZone } from '../server-state/settings-store.ts';
import './audience-flag-card.css';

export const SUBJECT_KIND_LABELS = { incident: 'Incident', maintenance: 'Maintenance' } as const;

export function AudienceFlagCard({
  flag,
  compact = false,
  onFix,
}: {
  flag: AudienceFlag;
  /** In the notification centre: no "last heard" line. */
  compact?: boolean;
  /** Called once the fix is open in Compose (the centre closes itself). */
  onFix?: () => void;
}) {
  const titleId = useId();
  const zone = useUserZone();
  const nowMs = useHeraldNow();
  const fixError = useAudiences((state) =>
    state.fixError?.flagId === flag.id ? state.fixError.message : null,
  );
  const isOnItsWay = flag.fixOutboxItemId !== null;
  return (
    <li
      className={`card audience-flag audience-flag-${flag.kind}${isOnItsWay ? ' is-on-its-way' : ''}`}
      aria-labelledby={titleId}
      data-flag-kind={flag.kind}
      data-channel={flag.channel}
    >
      <p id={titleId} className="audience-flag-title">
        <span aria-hidden="true" className="audience-flag-mark">
          {isOnItsWay ? '…' : '!'}
        </span>{' '}
        {SUBJECT_KIND_LABELS[flag.subject.kind]}: {flag.subject.title}
      </p>
      <p className="audience-flag-headline">{flagHeadline(flag, zone, nowMs)}</p>
      {!compact && flag.heard ? (
        <p className="muted audience-flag-heard">Last heard: {describeClaims(flag.heard.claims, zone)}</p>
      ) : null}
      {isOnItsWay ? (
        <p className="audience-flag-pending">The fix is in the Outbox; this clears once Slack has it.</p>
      ) : (
        <div className="row audience-flag-actions">
          <button
            type="button"
            className="primary"
            onClick={() =>
              void useAudiences
                .getState()
                .draftFix(flag.id)
                .then((isOpen) => {
                  if (isOpen) onFix?.();
                })
            }
            aria-describedby={titleId}
          >
            {fixLabel(flag)}
          </button>
        </div>
      )}
      {fixError ? (
        <p role="alert" className="field-error">
          {fixError}
        </p>
      ) : null}
    </li>
  );
}
