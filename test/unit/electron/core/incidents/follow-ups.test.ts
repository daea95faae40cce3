// Follow-ups carry forward: an incident's next update starts from the last
// message's answers, a holding update is complete (its promise at the plan's
// cadence for the incident's priority) and passes the checklist as drafted,
// and the incident is named by its latest stage.
import { describe, expect, it } from 'vitest';
import type { StoredDraft } from '../../../../../shared/drafts/stored-draft.ts';
import { currentIncidentName } from '../../../../../shared/incidents/incident-name.ts';
import { lintShapedDraft } from '../../../../../shared/messages/lint.ts';
import { createTestClock } from '../../../../../electron/core/clock/test-clock.ts';
import { createMemoryOutbox } from '../../../../support/memory-outbox.ts';
import { makeCore } from '../../../../support/core-fixture.ts';

const MINUTE_MS = 60_000;

function setup() {
  const clock = createTestClock(Date.parse('2026-04-20T09:00:00Z'));
  const outbox = createMemoryOutbox(() => clock.now());
  const fixture = makeCore({ outbox, clock });
  fixture.core.start();
  return { ...fixture, clock, outbox };
}

type Core = ReturnType<typeof makeCore>['core'];

async function fillAndSend(
  core: Core,
  stored: StoredDraft,
  fields: Record<string, string>,
  notApplicable: Record<string, string> = {},
) {
  const draft = {
    ...stored.draft,
    fields: { ...stored.draft.fields, ...fields },
    notApplicable: { ...stored.draft.notApplicable, ...notApplicable },
  };
  const saved = await core.router.call('drafts:save', { draft });
  if (!saved.ok) throw new Error(saved.error.message);
  const sent = await core.router.call('messages:send', { draftId: draft.id, mode: 'now' });
  if (!sent.ok) throw new Error(sent.error.message);
  return sent.value;
}

async function declare(core: Core, nowMs: number, priority: string): Promise<string> {
  const created = await core.router.call('drafts:create', { typeId: 'incidents' });
  if (!created.ok) throw new Error(created.error.message);
  const sent = await fillAndSend(core, created.value, {
    service: 'Sentry',
    ...(priority ? { priority } : {}),
    serviceImpact: 'Errors are not reaching Sentry.',
    actionBeingTaken: 'We are investigating.',
    userActions: 'Check alerts by hand.',
    nextUpdateAtUtc: new Date(nowMs + 30 * MINUTE_MS).toISOString(),
  });
  return sent.incidentId!;
}

async function draftNext(core: Core, incidentId: string, kind: 'update' | 'holding' | 'resolved') {
  const drafted = await core.router.call('incidents:draftNext', { incidentId, kind });
  if (!drafted.ok) throw new Error(drafted.error.message);
  return drafted.value;
}

describe('incident follow-ups', () => {
  it('an update starts from the previous message’s impact, action and user actions, and from the one before that', async () => {
    const { core, clock } = setup();
    const incidentId = await declare(core, clock.now(), 'high');
    const first = await draftNext(core, incidentId, 'update');
    expect(first.draft.fields).toMatchObject({
      service: 'Sentry',
      priority: 'high',
      serviceImpact: 'Errors are not reaching Sentry.',
      actionBeingTaken: 'We are investigating.',
      userActions: 'Check alerts by hand.',
    });
    // The promise is the lead's to make again.
    expect(first.draft.fields.nextUpdateAtUtc).toBeUndefined();

    await fillAndSend(
      core,
      first,
      {
        actionBeingTaken: 'A fix is being deployed.',
        userActions: '',
        nextUpdateAtUtc: new Date(clock.now() + 60 * MINUTE_MS).toISOString(),
      },
      { userActions: 'Nothing users can do helps.' },
    );
    const second = await draftNext(core, incidentId, 'update');
    expect(second.draft.fields).toMatchObject({
      serviceImpact: 'Errors are not reaching Sentry.',
      actionBeingTaken: 'A fix is being deployed.',
    });
    expect(second.draft.fields.userActions).toBeUndefined();
    expect(second.draft.notApplicable).toEqual({ userActions: 'Nothing users can do helps.' });
  });

  it('a holding update is complete: carried answers and a promise at the plan’s cadence for a high priority incident', async () => {
    const { core, clock } = setup();
    const incidentId = await declare(core, clock.now(), 'high');
    clock.advance(40 * MINUTE_MS);
    const holding = await draftNext(core, incidentId, 'holding');
    expect(holding.draft.fields).toMatchObject({
      isHolding: 'yes',
      serviceImpact: 'Errors are not reaching Sentry.',
      actionBeingTaken: 'We are investigating.',
      userActions: 'Check alerts by hand.',
      nextUpdateAtUtc: new Date(clock.now() + 30 * MINUTE_MS).toISOString(),
    });
    const plan = await core.router.call('plan:get', {});
    if (!plan.ok) throw new Error(plan.error.message);
    const lint = lintShapedDraft(holding.draft, plan.value, { nowMs: clock.now(), zone: 'Europe/London' });
    expect(lint.warnings.filter((warning) => warning.isBlocking)).toEqual([]);
    expect(lint.canSendWithoutOverride).toBe(true);
  });

  it('the cadence follows the priority and the plan as the team edited it', async () => {
    const { core, clock } = setup();
    const plan = await core.router.call('plan:get', {});
    if (!plan.ok) throw new Error(plan.error.message);
    const edited = await core.router.call('plan:update', {
      plan: { ...plan.value, incidentUpdateCadence: { high: 15, medium: 45, low: 240, unset: 20 } },
    });
    expect(edited.ok).toBe(true);
    const medium = await declare(core, clock.now(), 'medium');
    const none = await declare(core, clock.now(), '');
    expect((await draftNext(core, medium, 'holding')).draft.fields.nextUpdateAtUtc).toBe(
      new Date(clock.now() + 45 * MINUTE_MS).toISOString(),
    );
    expect((await draftNext(core, none, 'holding')).draft.fields.nextUpdateAtUtc).toBe(
      new Date(clock.now() + 20 * MINUTE_MS).toISOString(),
    );
  });

  it('a holding draft reopened after its promise passed gets a fresh one, and keeps what was typed', async () => {
    const { core, clock } = setup();
    const incidentId = await declare(core, clock.now(), 'high');
    const holding = await draftNext(core, incidentId, 'holding');
    const typed = { ...holding.draft, fields: { ...holding.draft.fields, actionBeingTaken: 'Still on it.' } };
    expect((await core.router.call('drafts:save', { draft: typed })).ok).toBe(true);
    clock.advance(45 * MINUTE_MS);
    const again = await draftNext(core, incidentId, 'holding');
    expect(again.draft.id).toBe(holding.draft.id);
    expect(again.draft.fields.actionBeingTaken).toBe('Still on it.');
    expect(again.draft.fields.nextUpdateAtUtc).toBe(new Date(clock.now() + 30 * MINUTE_MS).toISOString());
  });

  it('names the incident by its latest stage: a resolved incident is not "Incident Declared"', async () => {
    const { core, clock } = setup();
    const incidentId = await declare(core, clock.now(), 'high');
    const declared = await core.router.call('incidents:get', { id: incidentId });
    if (!declared.ok) throw new Error(declared.error.message);
    expect(currentIncidentName(declared.value)).toBe('High Priority Incident Declared - Sentry');
    const resolution = await draftNext(core, incidentId, 'resolved');
    await fillAndSend(core, resolution, { resolution: 'A relay was restarted.', userActions: 'None' });
    const resolved = await core.router.call('incidents:get', { id: incidentId });
    if (!resolved.ok) throw new Error(resolved.error.message);
    expect(currentIncidentName(resolved.value)).toBe('Incident Resolved - Sentry');
  });
});
