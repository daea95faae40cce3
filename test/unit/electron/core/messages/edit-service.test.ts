// Correcting a sent message end to end in core: messages:openCorrection opens
// it pre-filled, messages:edit queues a chat.update through the outbox (the
// real one, against the fake Slack through the real WebClient), History keeps
// the earlier text, and an incident's promise, reminders and headline follow.
import { describe, expect, it } from 'vitest';
import type { StoredDraft } from '../../../../../shared/drafts/stored-draft.ts';
import type { PostedMessage } from '../../../../fakes/slack/types.ts';
import { heraldIdOf, makeOutboxWorld, type OutboxWorld } from '../outbox/outbox-fixture.ts';

const MINUTE_MS = 60_000;
const UPDATE = 'operations-engineering-update';

type Core = OutboxWorld['core'];

async function saveAnd<T>(
  core: Core,
  stored: StoredDraft,
  fields: Record<string, string>,
  then: (id: string) => Promise<T>,
) {
  const draft = { ...stored.draft, fields: { ...stored.draft.fields, ...fields } };
  const saved = await core.router.call('drafts:save', { draft });
  if (!saved.ok) throw new Error(saved.error.message);
  return then(draft.id);
}

async function send(core: Core, stored: StoredDraft, fields: Record<string, string>) {
  return saveAnd(core, stored, fields, async (draftId) => {
    const sent = await core.router.call('messages:send', { draftId, mode: 'now' });
    if (!sent.ok) throw new Error(sent.error.message);
    return sent.value;
  });
}

const isoIn = (world: OutboxWorld, minutes: number) =>
  new Date(world.clock.now() + minutes * MINUTE_MS).toISOString();
const dateToken = (iso: string) => `<!date^${Date.parse(iso) / 1000}^`;

/** Declares an incident on Sentry promising the next update in `minutes`. */
async function declare(world: OutboxWorld, minutes: number) {
  const created = await world.core.router.call('drafts:create', { typeId: 'incidents' });
  if (!created.ok) throw new Error(created.error.message);
  return send(world.core, created.value, {
    service: 'Sentry',
    priority: 'high',
    serviceImpact: 'Errors are not reaching Sentry.',
    actionBeingTaken: 'We are investigating.',
    userActions: 'Check alerts by hand.',
    nextUpdateAtUtc: isoIn(world, minutes),
  });
}

/** Declares an incident and posts one update promising the next at `promise`; both reach Slack. */
async function incidentWithUpdate(world: OutboxWorld, promise: string) {
  const { core } = world;
  const declared = await declare(world, 20);
  await world.drive(() => world.item(declared.outboxItemId).state === 'sent');
  const incidentId = declared.incidentId!;
  const next = await core.router.call('incidents:draftNext', { incidentId, kind: 'update' });
  if (!next.ok) throw new Error(next.error.message);
  const update = await send(core, next.value, { status: 'identified', nextUpdateAtUtc: promise });
  await world.drive(
    () =>
      world.item(update.outboxItemId).state === 'sent' &&
      core.outbox.list(['queued', 'sending']).items.length === 0,
  );
  return { incidentId, declarationId: declared.outboxItemId, updateId: update.outboxItemId };
}

/** The incident facts a message in the fake Slack carries in its metadata. */
const incidentFactsOf = (message: PostedMessage) =>
  (message.metadata?.event_payload as { incident?: Record<string, unknown> } | undefined)?.incident;

const incidentReminders = (world: OutboxWorld, incidentId: string) =>
  world.core.reminders.scheduler
    .list()
    .filter(
      (reminder) =>
        reminder.subject.type === 'incident' &&
        reminder.subject.incidentId === incidentId &&
        reminder.closedAtUtc === null,
    );

describe('messages:openCorrection and messages:edit', () => {
  it('corrects a sent update in Slack and History, and the promise, reminders and headline move with it', async () => {
    const world = await makeOutboxWorld();
    const { core } = world;
    const firstPromise = isoIn(world, 30);
    const { incidentId, declarationId, updateId } = await incidentWithUpdate(world, firstPromise);
    expect(incidentReminders(world, incidentId).map((reminder) => reminder.eventAtUtc)).toContain(
      firstPromise,
    );

    const opened = await core.router.call('messages:openCorrection', { messageId: updateId });
    if (!opened.ok) throw new Error(opened.error.message);
    const { stored, target, original } = opened.value;
    expect(stored.meta.origin).toEqual({ kind: 'correction', messageId: updateId });
    expect(stored.draft.fields).toMatchObject({ status: 'identified', nextUpdateAtUtc: firstPromise });
    expect(original.fields.nextUpdateAtUtc).toBe(firstPromise);
    expect(target).toMatchObject({ messageId: updateId, channelName: UPDATE, isThreadReply: true });
    expect(target.sentAtUtc).not.toBeNull();
    // Opening it again reopens the same correction, as it was left.
    const again = await core.router.call('messages:openCorrection', { messageId: updateId });
    expect(again.ok && again.value.stored.draft.id).toBe(stored.draft.id);

    const laterPromise = isoIn(world, 45);
    const edited = await saveAnd(
      core,
      stored,
      { nextUpdateAtUtc: laterPromise, actionBeingTaken: 'We have found the faulty relay.' },
      (draftId) => core.router.call('messages:edit', { draftId }),
    );
    if (!edited.ok) throw new Error(edited.error.message);
    expect(edited.value.messageId).toBe(updateId);
    expect(['queued', 'sending']).toContain(edited.value.state);
    // The draft is done with (in the bin, like a sent one).
    expect(core.drafts.get(stored.draft.id)?.meta.deletedAtUtc).not.toBeNull();

    // The reminders move at once, as they do for a send.
    const incident = core.incidents.get(incidentId)!;
    expect(incident.nextUpdateAtUtc).toBe(laterPromise);
    expect(incident.timeline.find((entry) => entry.outboxItemId === updateId)?.nextUpdateAtUtc).toBe(
      laterPromise,
    );
    const armed = incidentReminders(world, incidentId).map((reminder) => reminder.eventAtUtc);
    expect(armed).toContain(laterPromise);
    expect(armed).not.toContain(firstPromise);

    await world.drive(
      () =>
        world.item(edited.value.outboxItemId).state === 'sent' &&
        core.outbox.list(['queued', 'sending']).items.length === 0,
    );
    const messages = world.fake.messages(UPDATE);
    const reply = messages.find((message) => heraldIdOf(message) === updateId)!;
    expect(reply.text).toContain('We have found the faulty relay.');
    expect(reply.text).toContain(dateToken(laterPromise));
    expect(reply.edited).toBeDefined();
    // Every edit carries its facts: the reply's metadata now promises the corrected time, still as an update.
    expect(incidentFactsOf(reply)).toMatchObject({
      id: incidentId,
      stage: 'update',
      next_update_at: laterPromise,
    });
    // The headline follows: the declaration now promises the corrected time.
    const declaration = messages.find((message) => heraldIdOf(message) === declarationId)!;
    expect(declaration.text).toContain(`Next update by ${dateToken(laterPromise)}`);
    // …and its title follows the stage, while its metadata still says what the declaration said.
    expect(declaration.blocks?.[0]).toMatchObject({
      type: 'header',
      text: { text: 'Incident Update - Sentry' },
    });
    expect(incidentFactsOf(declaration)).toMatchObject({ stage: 'declared', priority: 'high' });

    const entry = core.history.get(updateId)!;
    expect(entry.text).toContain('We have found the faulty relay.');
    expect(entry.draft?.fields.nextUpdateAtUtc).toBe(laterPromise);
    expect(entry.versions).toHaveLength(1);
    expect(entry.versions[0]).toMatchObject({ purpose: 'correction', editId: edited.value.outboxItemId });
    expect(entry.versions[0]?.text).toContain('We are investigating.');
    const updates = world.fake.requests.filter(
      (request) => request.method === 'chat.update' && request.status === 200,
    );
    expect(updates.filter((request) => request.args.ts === reply.ts)).toHaveLength(1);
  });

  it('a corrected declaration carries its new promise in Slack metadata, and later headline edits keep it', async () => {
    const world = await makeOutboxWorld();
    const { core } = world;
    const declared = await declare(world, 20);
    await world.drive(() => world.item(declared.outboxItemId).state === 'sent');
    const declarationId = declared.outboxItemId;
    const incidentId = declared.incidentId!;
    const opened = await core.router.call('messages:openCorrection', { messageId: declarationId });
    if (!opened.ok) throw new Error(opened.error.message);
    const movedPromise = isoIn(world, 35);
    const edited = await saveAnd(core, opened.value.stored, { nextUpdateAtUtc: movedPromise }, (draftId) =>
      core.router.call('messages:edit', { draftId }),
    );
    if (!edited.ok) throw new Error(edited.error.message);
    await world.drive(() => core.outbox.list(['queued', 'sending']).items.length === 0);
    const declarationNow = () =>
      world.fake.messages(UPDATE).find((message) => heraldIdOf(message) === declarationId)!;
    expect(incidentFactsOf(declarationNow())).toMatchObject({
      id: incidentId,
      stage: 'declared',
      priority: 'high',
      next_update_at: movedPromise,
    });
    const update = world.fake.requests.find(
      (request) => request.method === 'chat.update' && request.args.ts === declarationNow().ts,
    );
    expect(update?.args.metadata).toBeDefined();

    // Resolving re-renders the headline (a Herald edit): the title says so, and the metadata keeps the correction.
    const next = await core.router.call('incidents:draftNext', { incidentId, kind: 'resolved' });
    if (!next.ok) throw new Error(next.error.message);
    await send(core, next.value, { resolution: 'A configuration change was rolled back.' });
    await world.drive(
      () =>
        core.outbox.list(['queued', 'sending']).items.length === 0 &&
        (declarationNow().text ?? '').includes('Status: Resolved'),
    );
    const resolved = declarationNow();
    expect(resolved.text?.split('\n')[0]).toBe('*Incident Resolved - Sentry*');
    expect(resolved.blocks?.[0]).toMatchObject({
      type: 'header',
      text: { text: 'Incident Resolved - Sentry' },
    });
    expect(incidentFactsOf(resolved)).toMatchObject({ stage: 'declared', next_update_at: movedPromise });
  });

  it('corrects a typo without touching a promise that has since passed', async () => {
    const world = await makeOutboxWorld();
    const { core } = world;
    const promise = isoIn(world, 30);
    const { updateId } = await incidentWithUpdate(world, promise);
    world.clock.advance(40 * MINUTE_MS);
    const opened = await core.router.call('messages:openCorrection', { messageId: updateId });
    if (!opened.ok) throw new Error(opened.error.message);
    const edited = await saveAnd(
      core,
      opened.value.stored,
      { serviceImpact: 'Errors are not reaching Sentry (fixed typo).' },
      (draftId) => core.router.call('messages:edit', { draftId }),
    );
    expect(edited.ok).toBe(true);
    // Changing the promise to a time already gone is a new promise, and refused like one.
    const reopened = await core.router.call('messages:openCorrection', { messageId: updateId });
    if (!reopened.ok) throw new Error(reopened.error.message);
    const refused = await saveAnd(
      core,
      reopened.value.stored,
      { nextUpdateAtUtc: isoIn(world, -5) },
      (draftId) => core.router.call('messages:edit', { draftId }),
    );
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'checklist_incomplete', fields: ['nextUpdateAtUtc'] },
    });
  });

  it('refuses what cannot be corrected, in words, and keeps what was typed', async () => {
    const world = await makeOutboxWorld();
    const { core } = world;
    expect(await core.router.call('messages:openCorrection', { messageId: 'no-such-message' })).toMatchObject(
      {
        ok: false,
        error: { code: 'not_found' },
      },
    );
    const { updateId } = await incidentWithUpdate(world, isoIn(world, 30));
    const opened = await core.router.call('messages:openCorrection', { messageId: updateId });
    if (!opened.ok) throw new Error(opened.error.message);
    const draftId = opened.value.stored.draft.id;

    // A correction is saved as an edit, never sent as a new message.
    expect(await core.router.call('messages:send', { draftId, mode: 'now' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    // Its stage is the message's.
    const restaged = await core.router.call('drafts:save', {
      draft: { ...opened.value.stored.draft, stage: 'resolved' },
    });
    expect(restaged.ok).toBe(true);
    expect(await core.router.call('messages:edit', { draftId })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', fields: ['stage'] },
    });
    // Slack's limit is not the plan's to waive.
    const tooLong = await core.router.call('drafts:save', {
      draft: { ...opened.value.stored.draft, body: 'x'.repeat(41_000) },
    });
    expect(tooLong.ok).toBe(true);
    expect(await core.router.call('messages:edit', { draftId, overrideReason: 'urgent' })).toMatchObject({
      ok: false,
      error: { code: 'too_long' },
    });
    // A required answer emptied needs an override.
    await core.router.call('drafts:save', {
      draft: {
        ...opened.value.stored.draft,
        fields: { ...opened.value.stored.draft.fields, serviceImpact: '' },
      },
    });
    expect(await core.router.call('messages:edit', { draftId })).toMatchObject({
      ok: false,
      error: { code: 'checklist_incomplete' },
    });
    // Nothing typed is lost: the correction is still there to fix.
    expect(core.drafts.get(draftId)).toMatchObject({ meta: { deletedAtUtc: null } });
    // A new message's draft is sent, not saved as an edit.
    const fresh = await core.router.call('drafts:create', { typeId: 'incidents' });
    if (!fresh.ok) throw new Error(fresh.error.message);
    expect(await core.router.call('messages:edit', { draftId: fresh.value.draft.id })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });
    expect(world.fake.requests.filter((request) => request.method === 'chat.update')).toHaveLength(
      // Only the headline's own edit of the declaration.
      1,
    );
  });

  it('offline: a message still queued is corrected by an edit that waits for it — post, then update, once each', async () => {
    const world = await makeOutboxWorld();
    const { core } = world;
    world.fake.setOffline(true);
    const declared = await declare(world, 30);
    await world.drive(() => core.outbox.connection().state === 'offline');
    const opened = await core.router.call('messages:openCorrection', { messageId: declared.outboxItemId });
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value.target).toMatchObject({ sentAtUtc: null, channel: UPDATE, permalink: null });
    const edited = await saveAnd(
      core,
      opened.value.stored,
      { serviceImpact: 'Half of the errors are not reaching Sentry.' },
      (draftId) => core.router.call('messages:edit', { draftId }),
    );
    if (!edited.ok) throw new Error(edited.error.message);
    expect(world.item(edited.value.outboxItemId)).toMatchObject({
      state: 'queued',
      waitsFor: declared.outboxItemId,
    });
    await world.drive(() => false, { stepMs: 5_000, maxSimulatedMs: 60_000 }).catch(() => undefined);
    expect(world.item(edited.value.outboxItemId).state).toBe('queued');

    world.fake.setOffline(false);
    await world.drive(() => world.item(edited.value.outboxItemId).state === 'sent');
    const calls = world.fake.requests
      .filter(
        (request) => request.status === 200 && ['chat.postMessage', 'chat.update'].includes(request.method),
      )
      .map((request) => request.method);
    expect(calls).toEqual(['chat.postMessage', 'chat.update']);
    const [message] = world.heraldMessages(UPDATE);
    expect(message?.text).toContain('Half of the errors are not reaching Sentry.');
    expect(core.history.get(declared.outboxItemId)?.versions).toHaveLength(1);
  });
});
