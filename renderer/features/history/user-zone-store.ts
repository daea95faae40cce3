// The user's time zone (Settings → General), for writing times the way the
// comms lead reads them. Follows settings:changed.
import { create } from 'zustand';
import { DEFAULT_TIME_ZONE } from '../../../shared/settings/defaults.ts';
import { herald } from '../../api/herald.ts';

interface UserZoneState {
  zone: string;
  load: () => Promise<void>;
  apply: (zone: string) => void;
}

export const useUserZone = create<UserZoneState>()((set) => ({
  zone: DEFAULT_TIME_ZONE,
  load: async () => {
    const result = await herald().invoke('settings:get', {});
    if (result.ok) set({ zone: result.value.timeZone });
  },
  apply: (zone) => set({ zone }),
}));

let subscribers = 0;
let unsubscribe: (() => void) | null = null;

/** Loads the zone and follows changes while any caller is mounted (call from a useEffect). */
export function followUserZone(): () => void {
  subscribers += 1;
  if (subscribers === 1) {
    unsubscribe = herald().on('settings:changed', (settings) => useUserZone.getState().apply(settings.timeZone));
    void useUserZone.getState().load();
  }
  return () => {
    subscribers -= 1;
    if (subscribers === 0) {
      unsubscribe?.();
      unsubscribe = null;
    }
  };
}
