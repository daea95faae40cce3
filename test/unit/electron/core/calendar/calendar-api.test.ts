import { describe, expect, it } from 'vitest';
import { exportIcs } from '../../../../../electron/core/calendar/ics/ics-export.ts';
import { makeCore } from '../../../../support/core-fixture.ts';
import { certManagerFields, routineEvents } from '../../../shared/calendar/event-fixtures.ts';

describe('the calendar API', () => {
  it('refuses invalid events with the offending field named', async () => {
    const { core } = makeCore();
    const result = await core.router.call('calendar:create', {
      event: { ...certManagerFields(), endsAtUtc: '2026-04-23T10:00:00.000Z' },
    });
    expect(!result.ok && result.error).toMatchObject({
      code: 'invalid_argument',
      fields: ['event.endsAtUtc'],
    });
    const unknownField = await core.router.call('calendar:get', { id: 'x', extra: true } as never);
    expect(!unknownField.ok && unknownField.error.code).toBe('invalid_argument');
    const tooLong = await core.router.call('calendar:list', {
      fromUtc: '2026-01-01T00:00:00Z',
      toUtc: '2026-06-01T00:00:00Z',
    });
    expect(!tooLong.ok && tooLong.error.fields).toEqual(['toUtc']);
  });

  it('arms the event’s reminders in core and opens its drafts in the drafts service', async () => {
    const { core } = makeCore();
    const created = await core.router.call('calendar:create', { event: certManagerFields() });
    if (!created.ok) throw new Error(created.error.message);
    const reminders = core.reminders
      .list()
      .reminders.filter((reminder) => reminder.kind === 'maintenance_comm');
    expect(reminders.map((reminder) => reminder.subject)).toEqual(
      ['announcement', 'reminder', 'start', 'complete'].map((stage) => ({
        type: 'maintenance',
        eventId: created.value.event.id,
        stage,
      })),
    );
    const opened = await core.router.call('calendar:openDraft', {
      eventId: created.value.event.id,
      stage: 'starting',
    });
    if (!opened.ok) throw new Error(opened.error.message);
    const draft = await core.router.call('drafts:get', { id: opened.value.draftId });
    expect(draft.ok && draft.value).toMatchObject({
      draft: {
        typeId: 'upgrades-maintenance',
        stage: 'starting',
        fields: { subject: 'Certificate Manager', startsAtUtc: '2026-04-23T11:00:00.000Z' },
      },
      meta: { origin: { kind: 'calendar', eventId: created.value.event.id, stage: 'starting' } },
    });
  });

  it('lists a month as summaries (what the grid draws); the event panel gets the whole event from calendar:get', async () => {
    const { core } = makeCore();
    const created = await core.router.call('calendar:create', { event: certManagerFields() });
    if (!created.ok) throw new Error(created.error.message);
    const list = await core.router.call('calendar:list', {
      fromUtc: '2026-04-01T00:00:00Z',
      toUtc: '2026-05-01T00:00:00Z',
    });
    if (!list.ok) throw new Error(list.error.message);
    const [listed] = list.value.events;
    const { event } = created.value;
    expect(listed).toMatchObject({
      id: event.id,
      title: event.title,
      startsAtUtc: event.startsAtUtc,
      owner: '',
    });
    // Only the event panel shows these; a busy month's answer is sized by what the grid draws.
    for (const field of [
      'what',
      'why',
      'impact',
      'userActions',
      'channels',
      'sentStages',
      'changeNotesUrl',
      'uid',
    ])
      expect(listed).not.toHaveProperty(field);
    expect(event.what.length + event.impact.length).toBeGreaterThan(0);
    const detail = await core.router.call('calendar:get', { id: event.id });
    expect(detail.ok && detail.value.event).toMatchObject({ what: event.what, impact: event.impact });
  });

  it('keeps events across a restart on the same data folder', async () => {
    const first = makeCore();
    await first.core.router.call('calendar:create', { event: certManagerFields() });
    const again = makeCore({ dataDir: first.dataDir });
    const list = await again.core.router.call('calendar:list', {
      fromUtc: '2026-04-01T00:00:00Z',
      toUtc: '2026-05-01T00:00:00Z',
    });
    expect(list.ok && list.value.events.map((event) => event.title)).toEqual(['Certificate Manager Upgrade']);
  });

  it('re-imports its own export of 5,000 events: the same calendar is unchanged, a new one gets every event', async () => {
    // Five years of routine windows, one every eight hours.
    const events = routineEvents(5_000, { fromMs: Date.UTC(2023, 0, 2, 9), everyHours: 8 });
    const { core } = makeCore();
    const seeded = await core.router.call('calendar:import', {
      ics: exportIcs(events, '2026-04-20T09:00:00Z'),
    });
    if (!seeded.ok) throw new Error(seeded.error.message);
    expect(seeded.value).toMatchObject({ created: 5_000, problems: [] });

    const exported = await core.router.call('calendar:exportIcs', {});
    if (!exported.ok) throw new Error(exported.error.message);
    expect(exported.value.eventCount).toBe(5_000);
    const again = await core.router.call('calendar:import', { ics: exported.value.ics });
    expect(again.ok && again.value).toMatchObject({ created: 0, updated: 0, unchanged: 5_000, problems: [] });

    const other = makeCore().core;
    const copied = await other.router.call('calendar:import', { ics: exported.value.ics });
    expect(copied.ok && copied.value).toMatchObject({ created: 5_000, problems: [] });
    const back = await other.router.call('calendar:exportIcs', {});
    // The copy exports the same events: the same UIDs, titles and windows, in the same order.
    const summaryOf = (ics: string) =>
      ics.split('\r\n').filter((line) => /^(UID|SUMMARY|DTSTART|DTEND|STATUS)[:;]/.test(line));
    expect(back.ok && summaryOf(back.value.ics)).toEqual(summaryOf(exported.value.ics));
  }, 120_000);
});
