// Incidents as the Incidents screen shows them: open and recently resolved
// incidents, kept current by incidents:changed. Which reminder is armed for
// each comes from the reminders store (notifications), which follows every
// reminder change. Each action drafts the incident's next message; the card
// opens it in the composer.
import { create } from 'zustand';
import type { Incident } from '../../../shared/incidents/incident.ts';
import type { StoredDraft } from '../../../shared/drafts/stored-draft.ts';
import { herald } from '../../api/herald.ts';
import { bootstrapped } from '../../server-state/bootstrap.ts';
import { usePeople } from '../../server-state/people-store.ts';

export type NextMessageKind = 'update' | 'holding' | 'resolved' | 'postmortem';

interface IncidentsState {
  incidents: Incident[] | null;
  /** Changes heard while `load` waits for its answers (null when no load is on its way). */
  heardWhileLoading: Incident[] | null;
  error: string | null;
  /** The incident whose next message is being drafted, to disable its buttons meanwhile. */
  draftingFor: string | null;
  actionError: { incidentId: string; message: string } | null;

  load: () => Promise<void>;
  /** Follows changes while the screen is showing; returns the unsubscribe. */
  follow: () => () => void;
  /** "Take over comms": posts the hand-over note; core answers who has it through incidents:changed. */
  takeOver: (incidentId: string) => Promise<void>;
  /** Drafts the incident's next message; null when core refused (actionError says why). */
  draftNext: (incidentId: string, kind: NextMessageKind) => Promise<StoredDraft | null>;
}

const RECENT_MS = 30 * 86_400_000;

/** Newest first, open ones before resolved ones (as incidents:list orders them). */
function upsert(incidents: readonly Incident[], incident: Incident): Incident[] {
  const rest = incidents.filter((item) => item.id !== incident.id);
  return [incident, ...rest].sort((a, b) =>
    a.state === b.state ? b.declaredAtUtc.localeCompare(a.declaredAtUtc) : a.state === 'open' ? -1 : 1,
  );
}

export const useIncidents = create<IncidentsState>()((set) => ({
  incidents: null,
  heardWhileLoading: null,
  error: null,
  draftingFor: null,
  actionError: null,

  load: async () => {
    // Changes heard while the list is on its way are newer than its answer: they are laid over it below, or a
    // declaration posted meanwhile would show as "not in Slack yet" until the next change.
    set({ heardWhileLoading: [] });
    // The owners' names are asked afresh with the list (people-store.ts).
    const [incidents] = await Promise.all([
      herald().invoke('incidents:list', {}),
      usePeople.getState().load(),
      bootstrapped(),
    ]);
    set((state) => ({
      incidents: incidents.ok
        ? (state.heardWhileLoading ?? []).reduce(upsert, incidents.value)
        : (state.incidents ?? []),
      error: incidents.ok ? null : incidents.error.message,
      heardWhileLoading: null,
    }));
  },

  follow: () => {
    const stops = [
      herald().on('incidents:changed', (incident) =>
        set((state) => ({
          incidents: upsert(state.incidents ?? [], incident),
          heardWhileLoading: state.heardWhileLoading === null ? null : [...state.heardWhileLoading, incident],
        })),
      ),
    ];
    return () => stops.forEach((stop) => stop());
  },

  takeOver: async (incidentId) => {
    set({ draftingFor: incidentId, actionError: null });
    const taken = await herald().invoke('incidents:takeOver', { incidentId });
    set({ draftingFor: null });
    if (!taken.ok) set({ actionError: { incidentId, message: taken.error.message } });
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
export function splitIncidents(
  incidents: readonly Incident[],
  nowMs: number,
): { open: Incident[]; recent: Incident[] } {
  return {
    open: incidents.filter((incident) => incident.state === 'open'),
    recent: incidents.filter(
      (incident) =>
        incident.state === 'resolved' &&
        nowMs - Date.parse(incident.resolvedAtUtc ?? incident.declaredAtUtc) <= RECENT_MS,
    ),
  };
}
