import { describe, expect, it } from 'vitest';
import {
  eventFieldsSchema,
  maintenanceEventSchema,
  sameFields,
} from '../../../../shared/calendar/maintenance-event.ts';
import { certManagerFields, makeEvent } from './event-fixtures.ts';

function problems(input: unknown): Record<string, string> {
  const parsed = eventFieldsSchema.safeParse(input);
  if (parsed.success) return {};
  return Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

describe('maintenance event fields', () => {
  it('accepts the cert-manager upgrade from the plan', () => {
    expect(problems(certManagerFields())).toEqual({});
  });

  it('fills in defaults for what the form leaves out', () => {
    const parsed = eventFieldsSchema.parse({
      title: 'Patch Tuesday',
      startsAtUtc: '2026-05-05T09:00:00Z',
      endsAtUtc: '2026-05-05T10:00:00Z',
    });
    expect(parsed).toMatchObject({
      workKind: 'upgrade',
      timeZone: 'Europe/London',
      services: [],
      channels: [],
      userActionDeadlineUtc: null,
      changeNotesUrl: '',
    });
  });

  it('needs the end after the start', () => {
    expect(problems(certManagerFields({ endsAtUtc: '2026-04-23T11:00:00.000Z' }))).toEqual({
      endsAtUtc: 'must be after the start',
    });
    expect(problems(certManagerFields({ endsAtUtc: '2026-04-23T10:00:00.000Z' }))).toEqual({
      endsAtUtc: 'must be after the start',
    });
  });

  it('needs the users’ deadline before the work starts', () => {
    expect(problems(certManagerFields({ userActionDeadlineUtc: '2026-04-23T11:00:00.000Z' }))).toEqual({
      userActionDeadlineUtc: 'must be before the work starts, so users have done their part in time',
    });
  });

  it('refuses windows longer than a month, far-off years, blank titles, bad links and channel names', () => {
    expect(Object.keys(problems(certManagerFields({ endsAtUtc: '2026-06-01T00:00:00.000Z' })))).toEqual([
      'endsAtUtc',
    ]);
    expect(
      Object.keys(
        problems(
          certManagerFields({
            startsAtUtc: '1999-04-23T11:00:00.000Z',
            endsAtUtc: '1999-04-23T12:00:00.000Z',
            userActionDeadlineUtc: null,
          }),
        ),
      ),
    ).toEqual(['startsAtUtc']);
    expect(Object.keys(problems(certManagerFields({ title: '   ' })))).toEqual(['title']);
    expect(Object.keys(problems(certManagerFields({ changeNotesUrl: 'javascript:alert(1)' })))).toEqual([
      'changeNotesUrl',
    ]);
    expect(Object.keys(problems(certManagerFields({ channels: ['Ops Update'] })))).toEqual(['channels.0']);
    expect(Object.keys(problems(certManagerFields({ timeZone: 'Mars/Olympus' })))).toEqual(['timeZone']);
  });

  it('normalises channel names and refuses a service listed twice', () => {
    expect(eventFieldsSchema.parse(certManagerFields({ channels: ['#Ops-Update'] })).channels).toEqual([
      'ops-update',
    ]);
    expect(problems(certManagerFields({ services: ['cert-manager', 'Cert-Manager'] }))).toEqual({
      services: 'lists a service twice',
    });
  });
});

describe('stored events', () => {
  it('parse with the fields added later defaulted', () => {
    const {
      sentStages: _s,
      previousStartsAtUtc: _p,
      previousEndsAtUtc: _e,
      changeReason: _c,
      ...older
    } = makeEvent();
    expect(maintenanceEventSchema.parse(older)).toMatchObject({
      sentStages: {},
      previousStartsAtUtc: null,
      changeReason: '',
    });
  });

  it('compare instants as instants', () => {
    expect(sameFields(certManagerFields(), certManagerFields({ startsAtUtc: '2026-04-23T11:00:00Z' }))).toBe(
      true,
    );
    expect(
      sameFields(certManagerFields(), certManagerFields({ services: ['cert-manager', 'ingress'] })),
    ).toBe(false);
  });
});
