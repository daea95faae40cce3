// The Audiences screen: what each audience last heard. Every channel out of
// step comes first, each with the message that fixes it one click away; then,
// per audience in the plan and per channel, every open incident and every
// upcoming or running maintenance with the latest message the channel
// received, when, and what it claims.
import { useEffect, useId } from 'react';
import type { AudienceFlag, AudiencesView, SubjectRow } from '../../../shared/api/channels/audiences.ts';
import { describeClaims, describeHeard, flagHeadline } from '../../../shared/audiences/flag-wording.ts';
import { formatInstant } from '../../../shared/time/format.ts';
import { useHeraldNow } from '../../server-state/clock-store.ts';
import { followAudiences, useAudiences } from '../../server-state/audiences-store.ts';
import { usePeopleNames } from '../../server-state/people-store.ts';
import { useSettings, useUserZone } from '../../server-state/settings-store.ts';
import { AudienceFlagCard, SUBJECT_KIND_LABELS } from '../../ui/audience-flag-card.tsx';
import './audiences.css';

export function AudiencesScreen() {
  const view = useAudiences((state) => state.view);
  const loadError = useAudiences((state) => state.loadError);
  useEffect(() => followAudiences(), []);

  return (
    <div className="audiences stack-lg">
      <p className="muted audiences-intro">
        The latest message each channel in the plan received about every open incident and every upcoming or
        running maintenance, and where a channel has been left with something that is no longer true.
      </p>
      {loadError ? (
        <p role="alert" className="error-banner">
          {loadError}
        </p>
      ) : null}
      {view === null ? <p className="muted">Loading…</p> : <AudiencesBody view={view} />}
    </div>
  );
}

function AudiencesBody({ view }: { view: AudiencesView }) {
  const flagsHeadingId = useId();
  const open = view.flags.filter((flag) => flag.fixOutboxItemId === null);
  const onTheirWay = view.flags.filter((flag) => flag.fixOutboxItemId !== null);
  return (
    <>
      <section
        aria-labelledby={flagsHeadingId}
        className="stack audiences-flags"
        data-testid="audience-flags"
      >
        <h2 id={flagsHeadingId}>
          Out of step <span className="muted">({open.length})</span>
        </h2>
        {view.flags.length === 0 ? (
          <p className="audiences-all-clear">Every channel has heard the latest. Nothing to correct.</p>
        ) : (
          <ul className="stack audience-flag-list">
            {[...open, ...onTheirWay].map((flag) => (
              <AudienceFlagCard key={flag.id} flag={flag} />
            ))}
          </ul>
        )}
      </section>
      {view.audiences.length === 0 ? (
        <p className="muted">
          No open incidents and no upcoming maintenance: there is nothing for any channel to hear.
        </p>
      ) : (
        view.audiences.map((group) => (
          <AudienceSection key={group.audience} group={group} flags={view.flags} />
        ))
      )}
    </>
  );
}

function AudienceSection({
  group,
  flags,
}: {
  group: AudiencesView['audiences'][number];
  flags: readonly AudienceFlag[];
}) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="stack audience-group" data-audience={group.audience}>
      <h2 id={headingId}>{group.audience}</h2>
      {group.channels.map((channel) => (
        <ChannelCard key={channel.channel} channel={channel.channel} rows={channel.subjects} flags={flags} />
      ))}
    </section>
  );
}

function ChannelCard({
  channel,
  rows,
  flags,
}: {
  channel: string;
  rows: readonly SubjectRow[];
  flags: readonly AudienceFlag[];
}) {
  const headingId = useId();
  const outOfStep = rows.filter((row) => row.flagIds.length > 0).length;
  return (
    <section aria-labelledby={headingId} className="card audience-channel" data-channel={channel}>
      <h3 id={headingId}>
        #{channel}{' '}
        {outOfStep > 0 ? (
          <span className="audience-channel-badge">{outOfStep} out of step</span>
        ) : (
          <span className="audience-channel-ok">up to date</span>
        )}
      </h3>
      <ul className="audience-subjects">
        {rows.map((row) => (
          <SubjectLine key={`${row.subject.kind}:${row.subject.id}`} row={row} flags={flags} />
        ))}
      </ul>
    </section>
  );
}

function SubjectLine({ row, flags }: { row: SubjectRow; flags: readonly AudienceFlag[] }) {
  const zone = useUserZone();
  const nowMs = useHeraldNow();
  const lead = useSettings((state) => state.settings?.lead?.userId ?? '');
  const people = usePeopleNames();
  const rowFlags = flags.filter((flag) => row.flagIds.includes(flag.id));
  return (
    <li
      className={`audience-subject${rowFlags.length > 0 ? ' is-out-of-step' : ''}`}
      data-subject-id={row.subject.id}
    >
      <p className="audience-subject-title">
        <span className="audience-subject-kind">{SUBJECT_KIND_LABELS[row.subject.kind]}</span>{' '}
        {row.subject.title}
      </p>
      {row.heard ? (
        <>
          <p className="audience-subject-claims">{describeClaims(row.heard.claims, zone)}</p>
          <p className="muted audience-subject-when">
            {describeHeard(row.heard, zone, lead, people)}
            {row.heard.permalink ? (
              <>
                {' · '}
                <a href={row.heard.permalink} target="_blank" rel="noopener noreferrer">
                  Open in Slack
                </a>
              </>
            ) : null}
          </p>
        </>
      ) : (
        <p className="muted audience-subject-claims">
          Not told yet
          {row.dueAtUtc
            ? ` · the plan has it announced by ${formatInstant(Date.parse(row.dueAtUtc), zone)}`
            : ''}
        </p>
      )}
      {rowFlags.map((flag) => (
        <p key={flag.id} className="audience-subject-flag">
          <span aria-hidden="true">! </span>
          {flagHeadline(flag, zone, nowMs)}
        </p>
      ))}
    </li>
  );
}
