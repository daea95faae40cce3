import { describe, expect, it } from 'vitest';
import type { StoredDraft } from '../../../../../shared/drafts/stored-draft.ts';
import { makeOutboxWorld, type OutboxWorld } from '../outbox/outbox-fixture.ts';

/**
 * A real core with its real outbox, connected to the fake Slack. Not started unless asked: what is queued stays
 * queued, so each test reads exactly what the send path handed the outbox.
 */
async function setup(options: { start?: boolean } = {}) {
  const world = await makeOutboxWorld({ start: options.start ?? false });
  /** Everything the outbox holds, in the order it was queued. */
  const items = () => world.core.outbox.list().items;
  return { ...world, items };
}

/** Starts the outbox and waits until the item has reached Slack; answers its Slack timestamp. */
async function sendForReal(world: OutboxWorld, id: string): Promise<string> {
  world.core.start();
  await world.drive(() => world.item(id).state === 'sent');
  return world.item(id).ts!;
}

async function fill(core: OutboxWorld['core'], stored: StoredDraft, fields: Record<string, string>) {
  const draft = { ...stored.draft, fields: { ...stored.draft.fields, ...fields } };
  const saved = await core.router.call('drafts:save', { draft });
  if (!saved.ok) throw new Error(saved.error.message);
  return draft;
}

describe('sending an incident’s messages', () => {
  it('declares, updates in the thread, resolves and attaches the postmortem, with reminders following each promise', async () => {
    const world = await setup();
    const { core, clock, items } = world;
    const inThirtyMin = new Date(clock.now() + 30 * 60_000).toISOString();

    const created = await core.router.call('drafts:create', { typeId: 'incidents' });
    if (!created.ok) throw new Error(created.error.message);
    await fill(core, created.value, {
      service: 'Cloud Platform',
      priority: 'high',
      serviceImpact: 'Some users cannot reach services on the Cloud Platform.',
      actionBeingTaken: 'An incident team has been formed and is investigating.',
      nextUpdateAtUtc: inThirtyMin,
      userActions: 'None',
    });
    const declared = await core.router.call('messages:send', {
      draftId: created.value.draft.id,
      mode: 'now',
    });
    expect(declared).toMatchObject({ ok: true, value: { state: 'queued', incidentId: expect.any(String) } });
    const incidentId = declared.ok ? declared.value.incidentId! : '';
    expect(items()[0]).toMatchObject({
      channel: 'operations-engineering-update',
      promiseAtUtc: inThirtyMin,
      threadTs: null,
    });
    expect(items()[0]!.text).toContain('High Priority Incident Declared - Cloud Platform');
    // Named by the draft it was declared from, so the composer previewed this very link; it sits in the small print.
    expect(incidentId).toBe(created.value.draft.id);
    const smallPrint = JSON.stringify(items()[0]!.blocks?.filter((block) => block.type === 'context'));
    expect(smallPrint).toContain(`<herald://incident/${incidentId}|Open in Herald>`);
    expect(items()[0]!.promiseAfterMs).toBe(30 * 60_000);
    // The declaration is not in Slack yet: nobody has read its promise, so nothing is armed.
    const armed = await core.router.call('reminders:list', {});
    expect(
      armed.ok && armed.value.reminders.filter((reminder) => reminder.subject.type === 'incident'),
    ).toEqual([]);

    // The update is drafted before the declaration reached Slack: it threads under the queued item.
    const update = await core.router.call('incidents:draftNext', { incidentId, kind: 'update' });
    if (!update.ok) throw new Error(update.error.message);
    expect(update.value.draft).toMatchObject({ stage: 'update', fields: { service: 'Cloud Platform' } });
    const inAnHour = new Date(clock.now() + 60 * 60_000).toISOString();
    await fill(core, update.value, {
      serviceImpact: 'Fewer users affected.',
      actionBeingTaken: 'A fix is being deployed.',
      nextUpdateAtUtc: inAnHour,
      userActions: 'None',
    });
    expect(
      await core.router.call('messages:send', {
        draftId: update.value.draft.id,
        mode: 'now',
        alsoToChannel: true,
      }),
    ).toMatchObject({ ok: true });
    expect(items()[1]).toMatchObject({
      threadOf: items()[0]!.id,
      replyBroadcast: true,
      promiseAtUtc: inAnHour,
    });
    // Once the declaration is sent, later messages reply to its Slack timestamp, and the latest promise is armed.
    const declarationTs = await sendForReal(world, items()[0]!.id);
    const rearmed = await core.router.call('reminders:list', {});
    const incidentAlerts = rearmed.ok
      ? rearmed.value.reminders.filter((reminder) => reminder.subject.type === 'incident')
      : [];
    expect(incidentAlerts.map((reminder) => reminder.kind)).toEqual([
      'incident_heads_up',
      'incident_due',
      'incident_overdue',
      'incident_escalated',
    ]);
    expect(incidentAlerts.every((reminder) => reminder.eventAtUtc === inAnHour)).toBe(true);
    const resolution = await core.router.call('incidents:draftNext', { incidentId, kind: 'resolved' });
    if (!resolution.ok) throw new Error(resolution.error.message);
    expect(resolution.value.draft.threadTs).toBe(declarationTs);
    await fill(core, resolution.value, {
      resolution: 'A configuration change was rolled back.',
      userActions: 'None',
    });
    expect(
      await core.router.call('messages:send', { draftId: resolution.value.draft.id, mode: 'now' }),
    ).toMatchObject({ ok: true });
    // The plan shows an incident's resolution in the channel too, without the lead asking.
    expect(items()[2]).toMatchObject({ threadTs: declarationTs, replyBroadcast: true });
    const afterResolve = await core.router.call('reminders:list', {});
    expect(
      afterResolve.ok &&
        afterResolve.value.reminders.filter((reminder) => reminder.subject.type === 'incident'),
    ).toEqual([]);

    const postmortem = await core.router.call('incidents:draftNext', { incidentId, kind: 'postmortem' });
    if (!postmortem.ok) throw new Error(postmortem.error.message);
    await fill(core, postmortem.value, {
      summary: 'What happened and what we changed.',
      postmortemUrl: 'https://example.gov.uk/postmortems/cloud-platform',
    });
    expect(
      await core.router.call('messages:send', { draftId: postmortem.value.draft.id, mode: 'now' }),
    ).toMatchObject({ ok: true });
    // The fourth message (the headline's edit of the declaration may have been queued in between).
    expect(items().filter((item) => item.kind === 'message')[3]).toMatchObject({
      threadTs: declarationTs,
      channel: 'operations-engineering-update',
    });

    const incident = await core.router.call('incidents:get', { id: incidentId });
    expect(incident).toMatchObject({
      ok: true,
      value: {
        state: 'resolved',
        postmortemUrl: 'https://example.gov.uk/postmortems/cloud-platform',
        threadTs: declarationTs,
      },
    });
    expect(incident.ok && incident.value.timeline.map((entry) => entry.kind)).toEqual([
      'declared',
      'update',
      'resolved',
      'postmortem',
    ]);
    core.stop();
  });

  it('refuses an incomplete message unless the author gives a reason, and records the override', async () => {
    const { core, items } = await setup();
    const created = await core.router.call('drafts:create', { typeId: 'incidents' });
    if (!created.ok) throw new Error(created.error.message);
    await fill(core, created.value, { service: 'Sentry' });
    const refused = await core.router.call('messages:send', { draftId: created.value.draft.id, mode: 'now' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'checklist_incomplete', fields: expect.arrayContaining(['serviceImpact']) },
    });
    expect(items()).toHaveLength(0);
    const forced = await core.router.call('messages:send', {
      draftId: created.value.draft.id,
      mode: 'now',
      overrideReason: 'Status page already explains impact',
    });
    expect(forced).toMatchObject({ ok: true });
    expect(items()[0]!.override).toMatchObject({
      reason: 'Status page already explains impact',
      warnings: expect.arrayContaining([expect.objectContaining({ code: expect.any(String) })]),
    });
    expect(await core.router.call('drafts:list', {})).toMatchObject({ ok: true, value: [] });
    core.stop();
  });

  it('refuses a message over Slack’s limits before the checklist, and no override sends it', async () => {
    const { core, items } = await setup();
    const created = await core.router.call('drafts:create', { typeId: 'incidents' });
    if (!created.ok) throw new Error(created.error.message);
    const draft = {
      ...created.value.draft,
      title: `Sentry ${'x'.repeat(155)}`,
      fields: { service: 'Sentry' },
    };
    expect((await core.router.call('drafts:save', { draft })).ok).toBe(true);
    for (const overrideReason of [undefined, 'It has to go now']) {
      const refused = await core.router.call('messages:send', {
        draftId: draft.id,
        mode: 'now',
        ...(overrideReason ? { overrideReason } : {}),
      });
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'too_long', message: expect.stringContaining('162') },
      });
    }
    expect(items()).toHaveLength(0);
    core.stop();
  });

  it('schedules through Slack when online, and refuses a time in the past', async () => {
    const world = await setup({ start: true });
    const { core, clock, items } = world;
    await world.drive(() => core.outbox.connection().state === 'online');
    const created = await core.router.call('drafts:create', { typeId: 'new-features' });
    if (!created.ok) throw new Error(created.error.message);
    await fill(core, created.value, {
      feature: 'Faster builds',
      description: 'Builds now start in half the time.',
    });
    expect(
      await core.router.call('messages:send', {
        draftId: created.value.draft.id,
        mode: 'schedule',
        atUtc: new Date(clock.now() - 1000).toISOString(),
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', fields: ['atUtc'] },
    });
    const at = new Date(clock.now() + 86_400_000).toISOString();
    const scheduled = await core.router.call('messages:send', {
      draftId: created.value.draft.id,
      mode: 'schedule',
      atUtc: at,
      overrideReason: 'test',
    });
    expect(scheduled).toMatchObject({ ok: true });
    expect(items()[0]).toMatchObject({ scheduleForUtc: at, sendAtUtc: null });
    core.stop();
  });
});
