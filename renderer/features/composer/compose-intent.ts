// Opening what a compose intent names: a fresh message of a type, a draft,
// an incident's next (or holding) update, a maintenance event's message, or
// a plan duty. Intents arrive through the navigation store (notification,
// tray and calendar clicks) and are consumed once.
import { useEffect } from 'react';
import type { ComposeIntent } from '../../../shared/api/channels/app.ts';
import type { Result } from '../../../shared/api/index.ts';
import { isCommStage } from '../../../shared/calendar/comm-stages.ts';
import { herald } from '../../api/herald.ts';
import { useNavigation } from '../../app/navigation-store.ts';
import { useComposer } from './composer-store.ts';

async function openById(result: Result<{ draftId: string }>): Promise<void> {
  if (result.ok) await useComposer.getState().openDraftById(result.value.draftId);
  else useComposer.getState().showNotice({ tone: 'error', text: result.error.message });
}

export async function openComposeIntent(intent: ComposeIntent): Promise<void> {
  const composer = useComposer.getState();
  switch (intent.kind) {
    case 'new':
      await composer.startNew({ typeId: intent.typeId, ...(intent.stage ? { stage: intent.stage } : {}) });
      return;
    case 'draft':
      await composer.openDraftById(intent.draftId);
      return;
    case 'incident_update': {
      const drafted = await herald().invoke('incidents:draftNext', {
        incidentId: intent.incidentId,
        kind: intent.isHolding ? 'holding' : 'update',
      });
      // A holding update is complete as drafted: Send has the focus, so one key sends it.
      if (drafted.ok) await composer.openStored(drafted.value, { focusSend: intent.isHolding });
      else composer.showNotice({ tone: 'error', text: drafted.error.message });
      return;
    }
    case 'maintenance_comm': {
      const { stage } = intent;
      if (!isCommStage(stage)) {
        composer.showNotice({ tone: 'error', text: `“${stage}” is not a stage of a maintenance event.` });
        return;
      }
      await openById(await herald().invoke('calendar:openDraft', { eventId: intent.eventId, stage }));
      return;
    }
    case 'duty':
      await openById(await herald().invoke('calendar:openDuty', { dutyId: intent.dutyId }));
      return;
  }
}

/** Opens the navigation store's pending intent, once. */
export function useComposeIntent(): void {
  const intent = useNavigation((state) => state.composeIntent);
  useEffect(() => {
    if (!intent) return;
    // Consumed here, so a later visit to Compose does not open it again.
    useNavigation.setState({ composeIntent: null });
    void openComposeIntent(intent);
  }, [intent]);
}
