// The workspace's people (Slack user id → name), for owners on every screen
// ("Comms: @Priya (comms) has it."). Asked of core (team:users → users.list)
// once, again by a screen that wants them fresh (the Incidents screen on
// load); a load already on its way is shared. Names are a nicety: without
// Slack the answer is an error and owners show as their user ids.
import { useEffect } from 'react';
import { create } from 'zustand';
import type { PeopleNames } from '../../shared/team-sync/owner-wording.ts';
import { herald } from '../api/herald.ts';

interface PeopleState {
  names: PeopleNames;
  /** Whether an answer has arrived (a refused one too: it is not asked again until `load`). */
  isAsked: boolean;
  load: () => Promise<void>;
}

let loading: Promise<void> | null = null;

export const usePeople = create<PeopleState>()((set) => ({
  names: {},
  isAsked: false,
  load() {
    loading ??= herald()
      .invoke('team:users', {})
      .then((users) => {
        if (users.ok)
          set({ names: Object.fromEntries(users.value.users.map((user) => [user.id, user.name])) });
        set({ isAsked: true });
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  },
}));

/** The people's names, asked for once when a component that shows owners first mounts. */
export function usePeopleNames(): PeopleNames {
  useEffect(() => {
    const { isAsked, load } = usePeople.getState();
    if (!isAsked) void load();
  }, []);
  return usePeople((state) => state.names);
}
