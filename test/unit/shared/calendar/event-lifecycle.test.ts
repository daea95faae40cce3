import { describe, expect, it } from 'vitest';
import {
  applyCancel,
  applyEdit,
  applySent,
  applyUnsent,
  canCancel,
  canReschedule,
} from '../../../../shared/calendar/event-lifecycle.ts';
import { fieldsOf } from '../../../../shared/calendar/maintenance-event.ts';
import { makeEvent } from './event-fixtures.ts';

const NOW = '2026-04-10T09:00:00.000Z';
const unwrap = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};
const moved = { startsAtUtc: '2026-04-24T11:00:00.000Z', endsAtUtc: '2026-04-24T16:00:00.000Z' };

describe('event lifecycle', () => {
  it('an edit bumps the sequence; saving the same fields changes nothing', () => {
    const event = makeEvent();
    expect(unwrap(applyEdit(event, fieldsOf(event), NOW))).toBe(event);
    const edited = unwrap(
      applyEdit(event, { ...fieldsOf(event), impact: 'Deploys pause for ten minutes.' }, NOW),
    );
    expect(edited).toMatchObject({
      sequence: 1,
      updatedAtUtc: NOW,
      status: 'planned',
      previousStartsAtUtc: null,
    });
  });

  it('moving a planned event records where it was but keeps it planned (nobody heard the old date)', () => {
    const edited = unwrap(
      applyEdit(makeEvent(), { ...fieldsOf(makeEvent()), ...moved }, NOW, 'Clashes with a release'),
    );
    expect(edited).toMatchObject({
      status: 'planned',
      previousStartsAtUtc: '2026-04-23T11:00:00.000Z',
      changeReason: 'Clashes with a release',
    });
  });

  it('moving an announced event makes it rescheduled and asks for a new "rescheduled" message', () => {
    const announced = makeEvent({ status: 'announced', sentStages: { announcement: NOW, rescheduled: NOW } });
    const edited = unwrap(applyEdit(announced, { ...fieldsOf(announced), ...moved }, NOW));
    expect(edited.status).toBe('rescheduled');
    expect(edited.sentStages).toEqual({ announcement: NOW });
  });

  it('lets work in progress change its end but not its start', () => {
    const running = makeEvent({ status: 'in_progress', sentStages: { announcement: NOW, starting: NOW } });
    expect(applyEdit(running, { ...fieldsOf(running), endsAtUtc: '2026-04-23T18:00:00.000Z' }, NOW).ok).toBe(
      true,
    );
    const refused = applyEdit(running, { ...fieldsOf(running), ...moved }, NOW);
    expect(!refused.ok && refused.error).toMatchObject({ code: 'conflict', fields: ['startsAtUtc'] });
    expect(canReschedule(running)).toBe(false);
  });

  it('finished events refuse edits, cancellation and rescheduling', () => {
    for (const status of ['complete', 'cancelled'] as const) {
      const finished = makeEvent({ status });
      expect(applyEdit(finished, { ...fieldsOf(finished), title: 'Another' }, NOW).ok).toBe(false);
      expect(applyCancel(finished, NOW, '').ok).toBe(false);
      expect([canCancel(finished), canReschedule(finished)]).toEqual([false, false]);
    }
  });

  it('cancelling records the reason and bumps the sequence', () => {
    expect(unwrap(applyCancel(makeEvent(), NOW, 'No longer needed'))).toMatchObject({
      status: 'cancelled',
      changeReason: 'No longer needed',
      sequence: 1,
    });
  });

  it('sending messages moves the status along: announced, in progress, complete', () => {
    let event = unwrap(applySent(makeEvent(), 'announcement', NOW));
    expect(event.status).toBe('announced');
    event = unwrap(applySent(event, 'reminder', NOW));
    expect(event.status).toBe('announced');
    event = unwrap(applySent(event, 'starting', NOW));
    expect(event.status).toBe('in_progress');
    event = unwrap(applySent(event, 'complete', NOW));
    expect(event.status).toBe('complete');
    expect(Object.keys(event.sentStages)).toEqual(['announcement', 'reminder', 'starting', 'complete']);
  });

  it('a cancelled event can still send its "cancelled" message, and nothing else', () => {
    const cancelled = makeEvent({ status: 'cancelled' });
    expect(applySent(cancelled, 'cancelled', NOW).ok).toBe(true);
    expect(applySent(cancelled, 'reminder', NOW).ok).toBe(false);
  });

  it('taking back a "sent" mark restores the status the remaining marks imply', () => {
    const running = makeEvent({ status: 'in_progress', sentStages: { announcement: NOW, starting: NOW } });
    expect(applyUnsent(running, 'starting', NOW).status).toBe('announced');
    expect(applyUnsent(applyUnsent(running, 'starting', NOW), 'announcement', NOW).status).toBe('planned');
    const moved = makeEvent({
      status: 'in_progress',
      previousStartsAtUtc: '2026-04-22T11:00:00.000Z',
      sentStages: { announcement: NOW, starting: NOW },
    });
    expect(applyUnsent(moved, 'starting', NOW).status).toBe('rescheduled');
  });
});
