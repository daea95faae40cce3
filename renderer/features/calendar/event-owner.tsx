// Who has comms for a maintenance, wherever the calendar shows it: the event
// panel's owner line, the day panel and the month grid's entries. Another
// lead's event is marked as theirs where it shows ("@Priya (comms) has it",
// and a dashed edge); this lead's says so to screen readers only, so the grid
// stays quiet. The grid asks for the words once (`useOwnerWords`) and hands
// them down, so its memoised cells do not each follow the settings.
import { useMemo } from 'react';
import type { DueComm, EventSummary } from '../../../shared/calendar/calendar-views.ts';
import {
  atName,
  commsOwnerText,
  eventOwner,
  isTheirs,
  type PeopleNames,
} from '../../../shared/team-sync/owner-wording.ts';
import { usePeopleNames } from '../../server-state/people-store.ts';
import { useSettings } from '../../server-state/settings-store.ts';

export interface OwnerWords {
  /** This Herald's lead (Slack user id), '' when none is named. */
  me: string;
  people: PeopleNames;
}

type Owned = Pick<EventSummary, 'owner' | 'origin'>;

/** A message's event, as far as its owner goes (a due message carries its event's owner and origin). */
export const ownedComm = (comm: Pick<DueComm, 'eventOwner' | 'eventOrigin'>): Owned => ({
  owner: comm.eventOwner,
  origin: comm.eventOrigin,
});

export function useOwnerWords(): OwnerWords {
  const me = useSettings((state) => state.settings?.lead?.userId ?? '');
  const people = usePeopleNames();
  return useMemo(() => ({ me, people }), [me, people]);
}

/** The event's owner, whether it is another lead's, and the owner line ("Comms: @Priya (comms) has it."), null on a solo Herald. */
export function ownerOf(event: Owned, words: OwnerWords) {
  const owner = eventOwner(event, words.me);
  return {
    owner,
    isTheirs: isTheirs(owner, words.me),
    text: commsOwnerText(owner, words.me, words.people),
  };
}

/** In an entry (grid chip, day panel): another lead's shown as "@Priya (comms) has it", this lead's for screen readers. */
export function OwnerTag({ event, words }: { event: Owned; words: OwnerWords }) {
  const { owner, isTheirs: theirs, text } = ownerOf(event, words);
  return theirs ? (
    <span className="chip-line chip-owner" data-owner={owner}>
      {atName(owner, words.people)} has it
    </span>
  ) : text === null ? null : (
    <span className="visually-hidden"> {text}</span>
  );
}
