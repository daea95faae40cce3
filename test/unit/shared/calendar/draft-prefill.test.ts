import { describe, expect, it } from 'vitest';
import {
  isActionRequired,
  maintenanceTypeOf,
  prefillFor,
  subjectFromTitle,
} from '../../../../shared/calendar/draft-prefill.ts';
import { createDraft, lintDraft, renderMrkdwn, titleOf } from '../../../../shared/messages/index.ts';
import { resetToDefaultPlan } from '../../../../shared/plan/index.ts';
import { makeEvent, ZONE } from './event-fixtures.ts';

const plan = resetToDefaultPlan();
const typeId = maintenanceTypeOf(plan)!.id;

function draftFor(stage: Parameters<typeof prefillFor>[1], event = makeEvent()) {
  const prefill = prefillFor(event, stage, typeId);
  const created = createDraft(plan, {
    id: 'd1',
    typeId,
    stage,
    ...(prefill.channel ? { channel: prefill.channel } : {}),
  });
  if (!created.ok) throw new Error(created.error.message);
  return {
    ...created.value,
    fields: { ...created.value.fields, ...prefill.fields },
    body: prefill.body ?? '',
  };
}

describe('drafts pre-filled from an event', () => {
  it('use the plan’s upgrades and maintenance type', () => {
    expect(typeId).toBe('upgrades-maintenance');
  });

  it('title the announcement from the event without saying the kind of work twice', () => {
    expect(subjectFromTitle('Certificate Manager Upgrade', 'upgrade')).toBe('Certificate Manager');
    expect(subjectFromTitle('Decommissioning Service', 'decommissioning')).toBe('Service');
    expect(subjectFromTitle('Kubernetes 1.14', 'upgrade')).toBe('Kubernetes 1.14');
    expect(titleOf(draftFor('announcement'), plan, { zone: ZONE }).title).toBe(
      'Action Required - Certificate Manager Upgrade',
    );
    expect(titleOf(draftFor('starting'), plan, { zone: ZONE }).title).toBe(
      'Starting Now - Certificate Manager Upgrade',
    );
  });

  it('flag "Action Required" only when users have something to do', () => {
    expect([
      isActionRequired('Move your certificates'),
      isActionRequired(''),
      isActionRequired('None.'),
      isActionRequired('No action needed'),
    ]).toEqual([true, false, false, false]);
  });

  it('carry the window, deadline, links and channel, so the announcement renders with them', () => {
    const draft = draftFor('announcement');
    expect(draft.channel).toBe('operations-engineering-update');
    expect(draft.fields).toMatchObject({
      startsAtUtc: '2026-04-23T11:00:00.000Z',
      userActionDeadlineUtc: '2026-04-22T22:59:00.000Z',
      timeZone: ZONE,
    });
    const text = renderMrkdwn(draft, plan, { zone: ZONE });
    expect(text).toContain('Thu 23 Apr 2026, 12:00 BST');
    expect(text).toContain('Wed 22 Apr 2026, 23:59 BST');
    expect(text).toContain('https://cert-manager.io/docs/installation/upgrading/');
    // Only the answers the event cannot know (risk, process) are left for the lead.
    const missing = lintDraft(draft, plan, { zone: ZONE, nowMs: Date.parse('2026-04-16T11:00:00Z') })
      .checklist.filter((entry) => entry.required && entry.state === 'missing')
      .map((entry) => entry.itemId);
    expect(missing.sort()).toEqual(['process', 'riskOfNotActing']);
  });

  it('say why the plan changed and when it was, for a rescheduled or cancelled event', () => {
    const moved = makeEvent({
      startsAtUtc: '2026-04-24T11:00:00.000Z',
      endsAtUtc: '2026-04-24T16:00:00.000Z',
      previousStartsAtUtc: '2026-04-23T11:00:00.000Z',
      changeReason: 'It clashed with a platform release.',
    });
    const rescheduled = prefillFor(moved, 'rescheduled', typeId);
    expect(rescheduled.fields.why).toBe('It clashed with a platform release.');
    expect(rescheduled.body).toBe('This was planned for Thu 23 Apr 2026, 12:00 BST.');
    const cancelled = prefillFor(
      makeEvent({ status: 'cancelled', changeReason: 'No longer needed.' }),
      'cancelled',
      typeId,
    );
    expect(cancelled.body).toBe('This was planned for Thu 23 Apr 2026, 12:00 BST and will not go ahead.');
  });

  it('leave the channel to the plan when the event names none', () => {
    expect(prefillFor(makeEvent({ channels: [] }), 'announcement', typeId).channel).toBeUndefined();
  });
});
