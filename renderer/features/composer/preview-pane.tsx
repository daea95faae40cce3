// The live Slack preview of the open draft: rendered by the same engine
// that renders the message for sending, on every keystroke.
import { useMemo } from 'react';
import { renderBlocks } from '../../../shared/messages/render.ts';
import { findType } from '../../../shared/plan/plan-lookups.ts';
import { SlackMessagePreview } from '../slack-preview/slack-message-preview.tsx';
import { CalendarFileNote } from './calendar-file-note.tsx';
import { useComposer } from './composer-store.ts';
import { serverNowMs } from '../../server-state/clock-store.ts';
import { isThreadReply } from './thread-reply.ts';
import { usePlan } from '../../server-state/plan-store.ts';
import { useUserZone } from '../../server-state/settings-store.ts';

export function PreviewPane() {
  const draft = useComposer((state) => state.draft);
  const plan = usePlan((state) => state.plan);
  const zone = useUserZone();
  const origin = useComposer((state) => state.meta?.origin.kind);
  const message = useMemo(
    () => (draft && plan ? renderBlocks(draft, plan, { zone }) : null),
    [draft, plan, zone],
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
        isThreadReply={isThreadReply(draft, origin)}
      />
      <CalendarFileNote />
    </>
  );
}
