// The live Slack preview of the open draft: rendered by the same engine
// that renders the message for sending, on every keystroke.
import { useMemo } from 'react';
import type { HeraldLinkTarget } from '../../../shared/deep-links/herald-link.ts';
import { incidentIdForDeclaration, openInHeraldTarget } from '../../../shared/deep-links/open-in-herald.ts';
import type { CorrectionTarget } from '../../../shared/api/channels/messages.ts';
import type { DraftOrigin } from '../../../shared/drafts/stored-draft.ts';
import type { Draft } from '../../../shared/messages/draft.ts';
import { renderBlocks } from '../../../shared/messages/render.ts';
import { findType } from '../../../shared/plan/plan-lookups.ts';
import { SlackMessagePreview } from '../slack-preview/slack-message-preview.tsx';
import { CalendarFileNote } from './calendar-file-note.tsx';
import { useComposer } from './composer-store.ts';
import { serverNowMs } from '../../server-state/clock-store.ts';
import { isThreadReply } from './thread-reply.ts';
import { usePlan } from '../../server-state/plan-store.ts';
import { useUserZone } from '../../server-state/settings-store.ts';

/** The "Open in Herald" link the message will carry, as core decides it when sending (or correcting) it. */
function previewLinkTarget(
  draft: Draft,
  origin: DraftOrigin,
  correction: CorrectionTarget | null,
): HeraldLinkTarget | null {
  if (origin.kind === 'correction') return correction ? openInHeraldTarget(draft, correction) : null;
  return openInHeraldTarget(draft, {
    incidentId: origin.kind === 'incident' ? origin.incidentId : incidentIdForDeclaration(draft.id),
    eventId: origin.kind === 'calendar' ? origin.eventId : null,
  });
}

export function PreviewPane() {
  const draft = useComposer((state) => state.draft);
  const plan = usePlan((state) => state.plan);
  const zone = useUserZone();
  const origin = useComposer((state) => state.meta?.origin);
  const correction = useComposer((state) => state.correction?.target ?? null);
  const linkTarget = useMemo(
    () => (draft && origin ? previewLinkTarget(draft, origin, correction) : null),
    [draft, origin, correction],
  );
  const message = useMemo(
    () => (draft && plan ? renderBlocks(draft, plan, { zone, openInHerald: linkTarget }) : null),
    [draft, plan, zone, linkTarget],
  );
  if (!draft || !plan || !message) return null;
  const type = findType(plan, draft.typeId);
  const copies =
    type?.destinations.flatMap((destination) => (destination.kind === 'copy' ? [destination.name] : [])) ??
    [];
  const where = draft.channel
    ? `#${draft.channel}`
    : copies.length > 0
      ? `To copy to ${copies.join(' and ')}`
      : 'No channel chosen';
  return (
    <>
      <SlackMessagePreview
        message={message}
        nowMs={serverNowMs()}
        where={where}
        isThreadReply={isThreadReply(draft, origin?.kind)}
      />
      <CalendarFileNote />
    </>
  );
}
