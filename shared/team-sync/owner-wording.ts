// Who has comms for an incident or a maintenance, in the words every screen
// uses ("Comms: you have it." / "Comms: @Priya (comms) has it."), written once
// so the Incidents screen, the calendar's panels and its month grid say the
// same thing. Zod-free: the renderer imports it.

/** Slack user id → the name the workspace shows for them (team:users); ids missing from it are shown as they are. */
export type PeopleNames = Readonly<Record<string, string>>;

/** "@Priya (comms)", or "@U0COMMSLD2" when the workspace's people are not known (Slack not connected). */
export function atName(userId: string, people: PeopleNames): string {
  return `@${people[userId] ?? userId}`;
}

/**
 * Another lead has comms for it (theirs from the start, or handed over), so this Herald neither sends its messages
 * nor changes it. The one rule for main (which arms reminders and refuses changes) and every screen. A Herald with no
 * lead named acts for everything, as it always has: it cannot take anything over (a take-over names its lead), so
 * refusing would leave it unable to act at all.
 */
export function isTheirs(owner: string, me: string): boolean {
  return me !== '' && owner !== '' && owner !== me;
}

/**
 * Said on another lead's open incident or unfinished maintenance in a Herald with no lead named, which acts for it
 * all the same (isTheirs): why it offers the owner's actions, and how to leave the work to its owner. Null otherwise.
 */
export function unnamedLeadNote(
  owner: string,
  me: string,
  people: PeopleNames,
  subject: 'incident' | 'maintenance',
): string | null {
  if (me !== '' || owner === '') return null;
  const reminded = subject === 'incident' ? 'every incident’s updates' : 'every maintenance’s messages';
  return `No lead is named in this Herald’s Settings, so it reminds you of ${reminded}, this one’s too. Name yourself there to leave ${atName(owner, people)}’s work to them.`;
}

/**
 * The owner line: "Comms: you have it.", "Comms: @Priya (comms) has it.", or "Comms: no lead named."; null where it
 * would tell nothing — a solo Herald (no lead named here) showing something no lead owns. Every entry saying "no
 * lead named" was noise to a lead who works alone; ownership shows once a lead is named or the entry is another's.
 */
export function commsOwnerText(owner: string, me: string, people: PeopleNames): string | null {
  if (owner === '' && me === '') return null;
  if (owner === '') return 'Comms: no lead named.';
  if (owner === me) return 'Comms: you have it.';
  return `Comms: ${atName(owner, people)} has it.`;
}

/**
 * Who has comms for a maintenance event: its owner; an event made in this Herald before a lead was named is this
 * lead's (this Herald arms its reminders).
 */
export function eventOwner(event: { owner: string; origin: 'local' | 'slack' }, me: string): string {
  return event.owner !== '' ? event.owner : event.origin === 'local' ? me : '';
}
