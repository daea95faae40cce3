// Incidents as the Incidents screen shows them: open and recently resolved
// incidents, kept current by incidents:changed, with the open reminders
// (reminders:changed) so each can say which reminder is armed. Each action
// drafts the incident's next message and opens it in the composer.
import { create } from 'zustand';
import type { Incident } from '../../../shared/incidents/incident.ts';
import type { Reminder } from '../../../shared/reminders/reminder.ts';
import { DEFAULT_TIME_ZONE } from '../../../shared/settings/defaults.ts';
import { herald } from '../../api/herald.ts';
import { useNavigation } from '../../app/navigation-store.ts';
import { useComposer } from '../composer/composer-store.ts';
import { syncServerClock } from '../composer/server-clock.ts';

export type NextMessageKind = 'update' | 'holding' | 'resolved' | 'postmortem';

interface IncidentsState {
  incidents: Incident[] | null;
  reminders: Reminder[];
  zone: string;
  error: string | null;
  /** The incident whose next message is being drafted, to disable its buttons meanwhile. */
  draftingFor: string | null;
  actionError: { incidentId: string; message: string } | null;

  load: () => Promise<void>;
  /** Follows changes while the screen is showing; returns the unsubscribe. */
  follow: () => () => void;
  draftNext: (incidentId: string, kind: NextMessageKind) => Promise<void>;
}

const RECENT_MS = 30 * 86_400_000;

/** Newest first, open ones before resolved ones (as incidents:list orders them). */
function upsert(incidents: readonly Incident[], incident: Incident): Incident[] {
  const rest = incidents.filter((item) => item.id !== incident.id);
  return [incident, ...rest].sort((a, b) => (a.state === b.state ? b.declaredAtUtc.localeCompare(a.declaredAtUtc) : a.state === 'open' ? -1 : 1));
}

export const useIncidents = create<IncidentsState>()((set, get) => ({
  incidents: null,
  reminders: [],
  zone: DEFAULT_TIME_ZONE,
  error: null,
  draftingFor: null,
  actionError: null,

  load: async () => {
    const [incidents, reminders, settings] = await Promise.all([
      herald().invoke('incidents:list', {}),
      herald().invoke('reminders:list', {}),
      herald().invoke('settings:get', {}),
      syncServerClock(),
    ]);
    set({
      incidents: incidents.ok ? incidents.value : (get().incidents ?? []),
      error: incidents.ok ? null : incidents.error.message,
      ...(reminders.ok ? { reminders: reminders.value.reminders } : {}),
      ...(settings.ok ? { zone: settings.value.timeZone } : {}),
    });
  },

  follow: () => {
    const stops = [
      herald().on('incidents:changed', (incident) => set((state) => ({ incidents: upsert(state.incidents ?? [], incident) }))),
      herald().on('reminders:changed', (list) => set({ reminders: list.reminders })),
      herald().on('settings:changed', (settings) => set({ zone: settings.timeZone })),
    ];
    return () => stops.forEach((stop) => stop());
  },

  draftNext: async (incidentId, kind) => {
    set({ draftingFor: incidentId, actionError: null });
    const drafted = await herald().invoke('incidents:draftNext', { incidentId, kind });
    set({ draftingFor: null });
    if (!drafted.ok) {
      set({ actionError: { incidentId, message: drafted.error.message } });
      return;
    }
    await useComposer.getState().openStored(drafted.value, { restoreFocus: true });
    useNavigation.getState().go('compose');
  },
}));

/** Open incidents, and those resolved within the last 30 days. */
export function splitIncidents(incidents: readonly Incident[], nowMs: number): { open: Incident[]; recent: Incident[] } {
  return {
    open: incidents.filter((incident) => incident.state === 'open'),
    recent: incidents.filter((incident) => incident.state === 'resolved' && nowMs - Date.parse(incident.resolvedAtUtc ?? incident.declaredAtUtc) <= RECENT_MS),
  };
}
