// Declaring an incident through the API the composer uses (drafts:create →
// drafts:save → messages:send), for specs whose subject is what follows.
import type { RestartableHarness } from '../support/harness-process.ts';

interface StoredDraftLike {
  draft: { id: string; fields: Record<string, string> } & Record<string, unknown>;
}

/** Declares an incident on Sentry promising the next update at `nextUpdateAtUtc`; returns its id. */
export async function declareSentryIncident(
  harness: RestartableHarness,
  nextUpdateAtUtc: string,
): Promise<string> {
  const created = await harness.call<StoredDraftLike>('drafts:create', { typeId: 'incidents' });
  const fields = {
    ...created.draft.fields,
    service: 'Sentry',
    serviceImpact: 'Errors are not reaching Sentry.',
    actionBeingTaken: 'We are investigating.',
    userActions: 'None',
    nextUpdateAtUtc,
  };
  await harness.call('drafts:save', { draft: { ...created.draft, fields } as never });
  const sent = await harness.call<{ incidentId: string }>('messages:send', {
    draftId: created.draft.id,
    mode: 'now',
  });
  return sent.incidentId;
}
