// Which messages carry an "Open in Herald" link, and how it reads in Slack.
// The incident's declaration (the headline Herald keeps current at the top of
// the channel) links to the incident; a maintenance announcement (and the
// "rescheduled" message that announces the new window) links to the event.
// Both sides decide with this one function: core when it renders a message
// for Slack, the composer when it previews the same message.
//
// In Slack the link is a mrkdwn link in the message's small print (a context
// block): Slack's clients show `<herald://…|Open in Herald>` as a link, and a
// click hands it to the OS, which opens the app registered for `herald:`. A
// Block Kit button is not used: a button with a `url` still sends an
// interaction payload Slack expects the app to acknowledge, and Herald has no
// server to do so (docs/decisions.md).
import { heraldLinkFor, type HeraldLinkTarget } from './herald-link.ts';

export const OPEN_IN_HERALD_LABEL = 'Open in Herald';

/** The plan's incident message type (its declaration becomes the incident's headline). */
export const INCIDENT_TYPE_ID = 'incidents';

/** Maintenance stages that announce the window: the announcement, and the "rescheduled" one announcing the new window. */
const ANNOUNCING_STAGES: ReadonlySet<string> = new Set(['announcement', 'rescheduled']);

/** What a message is about, as its outbox item's `source` names it. */
export interface MessageSubject {
  /** The incident; for a declaration, the incident it declares. */
  incidentId?: string | null | undefined;
  /** The maintenance event (a draft from the calendar). */
  eventId?: string | null | undefined;
}

/** The target a message's "Open in Herald" link names, or null when it carries none. */
export function openInHeraldTarget(
  message: { typeId: string; stage: string },
  about: MessageSubject,
): HeraldLinkTarget | null {
  if (message.typeId === INCIDENT_TYPE_ID && message.stage === 'declared' && about.incidentId)
    return { kind: 'incident', id: about.incidentId };
  if (about.eventId && ANNOUNCING_STAGES.has(message.stage)) return { kind: 'event', id: about.eventId };
  return null;
}

/** `<herald://incident/<id>|Open in Herald>`; '' when the id is not one of Herald's (no link then). */
export function openInHeraldMrkdwn(target: HeraldLinkTarget | null | undefined): string {
  const link = target ? heraldLinkFor(target) : null;
  return link === null ? '' : `<${link}|${OPEN_IN_HERALD_LABEL}>`;
}

/**
 * The incident a declaration will create is named by the draft it is sent from, so the composer's preview
 * shows the very link Slack will get (core falls back to a fresh id only when that draft already declared one,
 * e.g. restored from the bin and sent again).
 */
export const incidentIdForDeclaration = (draftId: string): string => draftId;
