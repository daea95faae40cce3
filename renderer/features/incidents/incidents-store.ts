// Incidents as the Incidents screen shows them: open and recently resolved
// incidents, kept current by incidents:changed, with the open reminders
// (reminders:changed) so each can say which reminder is armed. Each action
// drafts the incident's next message; the card opens it in the composer.
import { create } from 'zustand';
import type { Incident } from '../../../shared/incidents/incident.ts';
import type { StoredDraft } from '../../../shared/drafts/stored-draft.ts';
import type { Reminder } from '../../../shared/reminders/reminder.ts';
import { herald } from '../../api/herald.ts';
import { bootstrapped } from '../../server-state/bootstrap.ts';

export type NextMessageKind = 'update' | 'holding' | 'resolved' | 'postmortem';

interface IncidentsState {
  incidents: Incident[] | null;
  reminders: Reminder[];
  error: string | null;
  /** The incident whose next message is being drafted, to disable its buttons meanwhile. */
  draftingFor: string | null;
  actionError: { incidentId: string; message: string } | null;

  load: () => Promise<void>;
  /** Follows changes while the screen is showing; returns the unsubscribe. */
  follow: () => () => void;
  /** Drafts the incident's next message; null when core refused (actionError says why). */
  draftNext: (incidentId: string, kind: NextMessageKind) => Promise<StoredDraft | null>;
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
  error: null,
  draftingFor: null,
  actionError: null,

  load: async () => {
    const [incidents, reminders] = await Promise.all([herald().invoke('incidents:list', {}), herald().invoke('reminders:list', {}), bootstrapped()]);
    set({
      incidents: incidents.ok ? incidents.value : (get().incidents ?? []),
      error: incidents.ok ? null : incidents.error.message,
      ...(reminders.ok ? { reminders: reminders.value.reminders } : {}),
    });
  },

  follow: () => {
    const stops = [
      herald().on('incidents:changed', (incident) => set((state) => ({ incidents: upsert(state.incidents ?? [], incident) }))),
      herald().on('reminders:changed', (list) => set({ reminders: list.reminders })),
    ];
    return () => stops.forEach((stop) => stop());
  },

  draftNext: async (incidentId, kind) => {
    set({ draftingFor: incidentId, actionError: null });
    const drafted = await herald().invoke('incidents:draftNext', { incidentId, kind });
    set({ draftingFor: null });
    if (!drafted.ok) {
      set({ actionError: { incidentId, message: drafted.error.message } });
      return null;
    }
    return drafted.value;
  },
}));

/** Open incidents, and those resolved within the last 30 days. */
export function splitIncidents(incidents: readonly Incident[], nowMs: number): { open: Incident[]; recent: Incident[] } {
  return {
    open: incidents.filter((incident) => incident.state === 'open'),
    recent: incidents.filter((incident) => incident.state === 'resolved' && nowMs - Date.parse(incident.resolvedAtUtc ?? incident.declaredAtUtc) <= RECENT_MS),
  };
}
