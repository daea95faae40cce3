import { describe, expect, it } from 'vitest';
import { monthGrid } from '../../../../../shared/calendar/calendar-grid.ts';
import type { DueComm, DutyView, EventView } from '../../../../../shared/calendar/calendar-views.ts';
import { entriesByDay, entriesOf } from '../../../../../renderer/features/calendar/day-entries.ts';

const ZONE = 'Europe/London';
const days = monthGrid('2026-04-15', ZONE, 1).flat();

function event(id: string, startsAtUtc: string, endsAtUtc: string): EventView {
  return {
    id,
    uid: `${id}@herald`,
    sequence: 0,
    status: 'planned',
    sentStages: {},
    previousStartsAtUtc: null,
    previousEndsAtUtc: null,
    changeReason: '',
    seriesUid: null,
    recurrenceId: null,
    owner: '',
    origin: 'local',
    slackTs: null,
    createdAtUtc: '2026-04-01T09:00:00.000Z',
    updatedAtUtc: '2026-04-01T09:00:00.000Z',
    title: `Work ${id}`,
    workKind: 'upgrade',
    what: '',
    why: '',
    startsAtUtc,
    endsAtUtc,
    timeZone: ZONE,
    services: [],
    impact: '',
    userActions: '',
    userActionDeadlineUtc: null,
    changeNotesUrl: '',
    channels: [],
    overlapsWith: [],
    freezeIds: [],
  };
}

function comm(eventId: string, stage: DueComm['stage'], dueAtUtc: string): DueComm {
  return {
    eventId,
    eventTitle: `Work ${eventId}`,
    eventStatus: 'planned',
    eventServices: [],
    eventOwner: '',
    eventOrigin: 'local',
    stage,
    dueAtUtc,
    state: 'upcoming',
    sentAtUtc: null,
    reminderState: 'armed',
  };
}

const duty: DutyView = {
  dutyId: 'cto:2026-04-23',
  typeId: 'cto',
  name: 'Successes for the CTO',
  audience: 'CTO',
  dateKey: '2026-04-23',
  dueAtUtc: '2026-04-23T09:00:00.000Z',
  periodStartUtc: '2026-04-16T09:00:00.000Z',
  draftId: null,
  movedFrom: null,
};

describe('entriesByDay', () => {
  const a = event('a', '2026-04-23T11:00:00.000Z', '2026-04-23T16:00:00.000Z');
  const b = event('b', '2026-04-24T09:00:00.000Z', '2026-04-24T10:00:00.000Z');
  const entries = entriesByDay(days, {
    events: [a, b],
    comms: [
      comm('a', 'announcement', '2026-04-16T11:00:00.000Z'),
      comm('a', 'reminder', '2026-04-22T11:00:00.000Z'),
      comm('b', 'announcement', '2026-04-22T15:00:00.000Z'),
      comm('b', 'reminder', '2026-04-23T09:00:00.000Z'),
      comm('a', 'starting', '2026-04-23T11:00:00.000Z'),
      comm('a', 'complete', '2026-04-23T16:00:00.000Z'),
    ],
    duties: [duty],
  });

  it("folds an event's messages on its own day under it", () => {
    const onThe23rd = entriesOf(entries, '2026-04-23');
    expect(onThe23rd.map((entry) => entry.kind)).toEqual(['event', 'comms', 'duty']);
    const [work, other] = onThe23rd;
    expect(work?.kind === 'event' && work.comms.map((item) => item.stage)).toEqual(['starting', 'complete']);
    expect(other?.kind === 'comms' && other.eventId).toBe('b');
  });

  it("groups each other event's messages into one entry per event", () => {
    const onThe22nd = entriesOf(entries, '2026-04-22');
    expect(onThe22nd.map((entry) => entry.key)).toEqual(['comms:a', 'comms:b']);
    expect(entriesOf(entries, '2026-04-16')).toHaveLength(1);
  });

  it('puts a two-day event on both days, with each day its own messages', () => {
    const long = event('c', '2026-04-27T20:00:00.000Z', '2026-04-28T06:00:00.000Z');
    const byDay = entriesByDay(days, {
      events: [long],
      comms: [
        comm('c', 'starting', '2026-04-27T20:00:00.000Z'),
        comm('c', 'complete', '2026-04-28T06:00:00.000Z'),
      ],
      duties: [],
    });
    const first = entriesOf(byDay, '2026-04-27')[0];
    const second = entriesOf(byDay, '2026-04-28')[0];
    expect(first?.kind === 'event' && first.comms.map((item) => item.stage)).toEqual(['starting']);
    expect(second?.kind === 'event' && second.comms.map((item) => item.stage)).toEqual(['complete']);
  });

  it('has nothing for an empty day', () => {
    expect(entriesOf(entries, '2026-04-10')).toEqual([]);
  });
});
