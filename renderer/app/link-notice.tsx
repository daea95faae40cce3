// What opening an "Open in Herald" link came to, when it needs saying: Herald
// is reading Slack for an incident or event it does not know yet (another
// lead's, not synced), it still could not find it, or the link was not one
// Herald opens. Never a blank screen: the lead always reads why.
import type { LinkOpening } from '../../shared/api/channels/links.ts';
import { heraldLinkRefusalWording } from '../../shared/deep-links/herald-link.ts';
import { useNavigation } from './navigation-store.ts';

type NotFound = Extract<LinkOpening, { status: 'not_found' }>;

const NOUNS = { incident: 'incident', event: 'maintenance event' } as const;

const NOT_FOUND_WORDING: Readonly<Record<NotFound['reason'], (noun: string) => string>> = {
  not_in_slack: (noun) =>
    `Herald read Slack and did not find this ${noun}. It may be older than the week Herald reads back, in a channel Herald is not a member of, or deleted.`,
  slack_not_connected: (noun) =>
    `Herald could not look for this ${noun} in Slack because Slack is not connected. Connect Slack in Settings, then open the link again.`,
  slack_busy: (noun) =>
    `Slack asked Herald to wait before reading more. Herald keeps reading; the ${noun} will appear once it reaches it.`,
  sync_failed: (noun) =>
    `Herald could not read Slack just now to look for this ${noun}. Try the link again in a minute.`,
};

function wording(opening: LinkOpening): { heading: string; detail: string } {
  switch (opening.status) {
    case 'refused':
      return { heading: 'Herald can’t open this link', detail: heraldLinkRefusalWording[opening.reason] };
    case 'syncing': {
      const noun = NOUNS[opening.target.kind];
      return {
        heading: `Looking for this ${noun} in Slack…`,
        detail: `Herald doesn’t know this ${noun} yet; it may be another lead’s that Herald has not read yet. Herald is reading Slack now and will show it as soon as it is found.`,
      };
    }
    case 'not_found': {
      const noun = NOUNS[opening.target.kind];
      return { heading: `This ${noun} isn’t in Herald`, detail: NOT_FOUND_WORDING[opening.reason](noun) };
    }
    case 'found':
      return { heading: '', detail: '' };
  }
}

export function LinkNotice() {
  const opening = useNavigation((state) => state.linkOpening);
  const dismiss = useNavigation((state) => state.dismissLinkOpening);
  if (opening === null || opening.status === 'found') return null;
  const { heading, detail } = wording(opening);
  const isProblem = opening.status !== 'syncing';
  return (
    <section
      className={`link-notice ${isProblem ? 'link-notice-problem' : ''}`}
      role={isProblem ? 'alert' : 'status'}
      aria-label="Open in Herald"
      data-testid="link-notice"
      data-status={opening.status}
    >
      <p className="link-notice-heading">
        <strong>{heading}</strong>
      </p>
      <p>{detail}</p>
      <button type="button" className="link-notice-dismiss" onClick={dismiss}>
        Dismiss
      </button>
    </section>
  );
}
