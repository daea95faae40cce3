// Sending the open draft: now, when Slack is reachable, or at a time; the
// explicit override (with a reason) when required checklist items are
// missing; and "Copy as Slack text" for destinations Herald does not post
// to. The draft is saved first, so what is sent is what is on screen.
import { create } from 'zustand';
import type { ApiError } from '../../../shared/api/index.ts';
import { slackLimitWarnings } from '../../../shared/messages/lint.ts';
import { lintOpenDraft } from './composer-lint.ts';
import { renderMrkdwn } from '../../../shared/messages/render.ts';
import { herald } from '../../api/herald.ts';
import { useComposer } from './composer-store.ts';
import { useSendFeedback } from './send-feedback-store.ts';
import { serverNowMs } from '../../server-state/clock-store.ts';
import { usePlan } from '../../server-state/plan-store.ts';
import { selectZone, useSettings } from '../../server-state/settings-store.ts';

export type SendMode = 'now' | 'when_online' | 'schedule';

export interface SendRequest {
  mode: SendMode;
  atUtc?: string;
  alsoToChannel?: boolean;
}

export interface OverrideRequest {
  request: SendRequest;
  /** What is missing or wrong, in the engine's words. */
  reasons: string[];
}

export type CopyOutcome = { kind: 'copied' } | { kind: 'manual'; text: string } | null;

interface SendState {
  isSending: boolean;
  error: ApiError | null;
  override: OverrideRequest | null;
  copy: CopyOutcome;
  /** Thread replies: show it in the channel as well as the thread; null until the lead chooses (the plan decides). */
  alsoToChannel: boolean | null;

  send: (request: SendRequest, overrideReason?: string) => Promise<void>;
  cancelOverride: () => void;
  copyAsSlackText: () => Promise<void>;
  clearFeedback: () => void;
  setAlsoToChannel: (alsoToChannel: boolean | null) => void;
}

/** Why Slack will not take the message, and what to do: the send bar shows it instead of an override. */
export function slackLimitError(problems: readonly string[]): ApiError {
  return {
    code: 'too_long',
    message: `Slack will not take this message as it stands. ${problems.join(' ')}`,
    fix: 'Shorten it to fit; the preview’s “Slack limits” show how much room is left. An override cannot send it.',
  };
}

/** The lead's choice when there is one; otherwise left out, so main applies the plan's setting for the stage. */
const alsoToChannelArg = (choice: boolean | null | undefined) =>
  choice === null || choice === undefined ? {} : { alsoToChannel: choice };

type SetSendState = (partial: Partial<SendState>) => void;

/** A correction leaves as an edit of its message (messages:edit), followed like a send until it is in Slack. */
async function saveEdit(
  set: SetSendState,
  draftId: string,
  overrideReason: string | undefined,
  request: SendRequest,
): Promise<void> {
  const result = await herald().invoke('messages:edit', {
    draftId,
    ...(overrideReason ? { overrideReason } : {}),
  });
  set({ isSending: false });
  if (!result.ok) {
    useSendFeedback.getState().stop();
    if (result.error.code === 'checklist_incomplete')
      set({ override: { request, reasons: [result.error.message] } });
    else set({ error: result.error });
    return;
  }
  useSendFeedback
    .getState()
    .follow({ id: result.value.outboxItemId, state: result.value.state, kind: 'edit' });
  await useComposer.getState().release({
    tone: 'info',
    text: 'The edit is in the outbox.',
    outboxItemId: result.value.outboxItemId,
  });
}

export const useSend = create<SendState>()((set, get) => ({
  isSending: false,
  error: null,
  override: null,
  copy: null,
  alsoToChannel: null,

  send: async (request, overrideReason) => {
    const composer = useComposer.getState();
    const { draft } = composer;
    const { plan } = usePlan.getState();
    const zone = selectZone(useSettings.getState());
    if (!draft || !plan || get().isSending) return;
    const { correction } = composer;
    const lint = lintOpenDraft(draft, plan, { nowMs: serverNowMs(), zone }, correction);
    // Slack's limits are not the plan's to waive: they stop the send before any override is offered.
    const overLimits = slackLimitWarnings(lint);
    if (overLimits.length > 0) {
      set({ override: null, error: slackLimitError(overLimits.map((warning) => warning.message)) });
      return;
    }
    if (overrideReason === undefined && !lint.canSendWithoutOverride) {
      set({
        override: {
          request,
          reasons: lint.warnings.filter((warning) => warning.isBlocking).map((warning) => warning.message),
        },
        error: null,
      });
      return;
    }
    set({ isSending: true, error: null, override: null, copy: null });
    const isSaved = await composer.flush();
    if (!isSaved) {
      set({
        isSending: false,
        error: {
          code: 'unavailable',
          message:
            'The latest changes are not saved yet, so Herald will not send an older version. Try again in a moment.',
        },
      });
      return;
    }
    // Listening before asking: the item may reach Slack before the answer comes back.
    useSendFeedback.getState().expect();
    if (correction) {
      await saveEdit(set, draft.id, overrideReason, request);
      return;
    }
    const result = await herald().invoke('messages:send', {
      draftId: draft.id,
      mode: request.mode,
      ...(request.atUtc ? { atUtc: request.atUtc } : {}),
      ...(overrideReason ? { overrideReason } : {}),
      ...alsoToChannelArg(request.alsoToChannel ?? get().alsoToChannel),
    });
    set({ isSending: false });
    if (!result.ok) {
      useSendFeedback.getState().stop();
      if (result.error.code === 'checklist_incomplete') {
        set({ override: { request, reasons: [result.error.message] } });
        return;
      }
      set({ error: result.error });
      return;
    }
    set({ alsoToChannel: null });
    useSendFeedback.getState().follow({ id: result.value.outboxItemId, state: result.value.state });
    await useComposer.getState().release({
      tone: 'info',
      text: 'In the outbox.',
      incidentId: result.value.incidentId,
      outboxItemId: result.value.outboxItemId,
    });
  },

  cancelOverride: () => set({ override: null }),

  copyAsSlackText: async () => {
    const { draft } = useComposer.getState();
    const { plan } = usePlan.getState();
    const zone = selectZone(useSettings.getState());
    if (!draft || !plan) return;
    const text = renderMrkdwn(draft, plan, { zone });
    try {
      await navigator.clipboard.writeText(text);
      set({ copy: { kind: 'copied' }, error: null });
    } catch {
      // No clipboard access (permissions, an unfocused window): show the text to copy by hand.
      set({ copy: { kind: 'manual', text }, error: null });
    }
  },

  clearFeedback: () => set({ error: null, copy: null }),
  setAlsoToChannel: (alsoToChannel) => set({ alsoToChannel }),
}));
