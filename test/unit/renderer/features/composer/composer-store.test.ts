// The composer store against a stand-in window.herald: the plan context is
// loaded once however many drafts are opened, an open draft has one autosaver
// that saves what was typed and is let go when the draft is sent or closed,
// and flush() with nothing open answers at once.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../../../../../shared/api/result.ts';
import type { StoredDraft } from '../../../../../shared/drafts/stored-draft.ts';
import { createDraft } from '../../../../../shared/messages/draft.ts';
import { resetToDefaultPlan } from '../../../../../shared/plan/default-plan.ts';
import { useComposer } from '../../../../../renderer/features/composer/composer-store.ts';
import { useStartup } from '../../../../../renderer/server-state/bootstrap.ts';
import { usePlan } from '../../../../../renderer/server-state/plan-store.ts';
import { createFakeHeraldApi, installFakeWindow } from '../../../../fakes/herald-api.ts';

const api = createFakeHeraldApi();
const plan = resetToDefaultPlan();
const initial = useComposer.getState();

function stored(id: string): StoredDraft {
  const created = createDraft(plan, { id, typeId: 'incidents' });
  if (!created.ok) throw new Error(created.error.message);
  return {
    draft: created.value,
    meta: {
      createdAtUtc: '2026-04-23T11:00:00.000Z',
      updatedAtUtc: '2026-04-23T11:00:00.000Z',
      revision: 1,
      origin: { kind: 'manual' },
      focusedField: null,
      deletedAtUtc: null,
    },
  };
}

const callsTo = (channel: string) => api.calls.filter((call) => call.channel === channel);

describe('the composer store', () => {
  beforeAll(() => installFakeWindow(api));
  beforeEach(() => {
    api.reset();
    useComposer.setState(initial, true);
    useStartup.setState({ ready: Promise.resolve(), draftToReopen: null });
    usePlan.setState({ plan });
    let revision = 1;
    api.answer('channels:list', () => ok({ channels: [] }) as never);
    api.answer('drafts:setCurrent', () => ok({}) as never);
    api.answer('drafts:create', () => ok(stored('d1')));
    api.answer('drafts:save', () => {
      revision += 1;
      return ok({ revision, updatedAtUtc: '2026-04-23T11:01:00.000Z' }) as never;
    });
  });

  it('loads the plan context once, however many drafts are opened', async () => {
    await useComposer.getState().startNew({ typeId: 'incidents' });
    await useComposer.getState().openStored(stored('d2'));
    await useComposer.getState().enter();
    expect(callsTo('channels:list')).toHaveLength(1);
    expect(useComposer.getState().contextLoading).not.toBeNull();
    expect(useComposer.getState().loadError).toBeNull();
  });

  it('keeps one autosaver for the open draft, saves what was typed, and lets it go when the message is sent', async () => {
    expect(await useComposer.getState().flush()).toBe(true);
    await useComposer.getState().startNew({ typeId: 'incidents' });
    const { saver, draft } = useComposer.getState();
    expect(saver).not.toBeNull();
    useComposer.getState().edit({ draft: { ...draft!, fields: { ...draft!.fields, service: 'Sentry' } } });
    expect(useComposer.getState().saver).toBe(saver);
    expect(await useComposer.getState().flush()).toBe(true);
    const saves = callsTo('drafts:save');
    expect(saves).toHaveLength(1);
    expect(saves[0]?.args).toMatchObject({ draft: { id: 'd1', fields: { service: 'Sentry' } } });
    expect(useComposer.getState().meta?.revision).toBe(2);

    await useComposer.getState().release({ tone: 'success', text: 'Sent' });
    expect(useComposer.getState()).toMatchObject({ saver: null, draft: null, phase: 'start' });
    expect(await useComposer.getState().flush()).toBe(true);
  });

  it('saves the open draft before opening another, with a new autosaver', async () => {
    await useComposer.getState().startNew({ typeId: 'incidents' });
    const first = useComposer.getState().saver;
    const { draft } = useComposer.getState();
    useComposer.getState().edit({ draft: { ...draft!, fields: { ...draft!.fields, service: 'GitHub' } } });
    await useComposer.getState().openStored(stored('d2'));
    expect(callsTo('drafts:save')[0]?.args).toMatchObject({
      draft: { id: 'd1', fields: { service: 'GitHub' } },
    });
    expect(useComposer.getState().saver).not.toBe(first);
    expect(useComposer.getState().draft?.id).toBe('d2');
    await useComposer.getState().startOver();
    expect(useComposer.getState().saver).toBeNull();
  });
});
