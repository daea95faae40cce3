// A calendar service over in-memory stores, the real reminder scheduler on
// the test clock, and a small in-memory drafts service, recording the
// calendar:changed events it emits.
import { createEventBus } from '../../../../../electron/core/api/event-bus.ts';
import type { DraftsPort } from '../../../../../electron/core/calendar/comms-drafts.ts';
import {
  createCalendarService,
  type CalendarService,
} from '../../../../../electron/core/calendar/calendar-service.ts';
import type { CalendarData } from '../../../../../electron/core/calendar/calendar-store.ts';
import type { HistoryPort } from '../../../../../electron/core/calendar/duty-drafts.ts';
import type { VersionedStore } from '../../../../../electron/core/storage/versioned-store.ts';
import { ok, type Result } from '../../../../../shared/api/result.ts';
import {
  defaultCalendarSettings,
  type CalendarSettings,
} from '../../../../../shared/calendar/calendar-settings.ts';
import type { EventDetail } from '../../../../../shared/calendar/calendar-views.ts';
import type { EventFields } from '../../../../../shared/calendar/maintenance-event.ts';
import type { StoredDraft } from '../../../../../shared/drafts/stored-draft.ts';
import { createDraft } from '../../../../../shared/messages/index.ts';
import { resetToDefaultPlan, type Plan } from '../../../../../shared/plan/index.ts';
import { setupScheduler, type SchedulerFixture } from '../reminders/scheduler-fixture.ts';

export function memoryStore<T>(initial: T): VersionedStore<T> & { writes: number } {
  let data = structuredClone(initial);
  const store = {
    path: ':memory:',
    writes: 0,
    read: () => data,
    write(next: T) {
      data = next;
      store.writes++;
    },
    update(change: (current: T) => T) {
      store.write(change(data));
      return data;
    },
  };
  return store;
}

export interface MemoryDrafts extends DraftsPort {
  all(): StoredDraft[];
  get(id: string): StoredDraft | undefined;
}

export function memoryDrafts(plan: () => Plan, nowMs: () => number): MemoryDrafts {
  const drafts = new Map<string, StoredDraft>();
  let count = 0;
  const now = () => new Date(nowMs()).toISOString();
  return {
    create(input) {
      const made = createDraft(plan(), {
        id: `draft-${++count}`,
        typeId: input.typeId,
        ...(input.stage !== undefined ? { stage: input.stage } : {}),
        ...(input.channel !== undefined ? { channel: input.channel } : {}),
      });
      if (!made.ok) return made;
      const draft = {
        ...made.value,
        fields: { ...made.value.fields, ...input.fields },
        ...(input.body !== undefined ? { body: input.body } : {}),
      };
      const stored: StoredDraft = {
        draft,
        meta: {
          createdAtUtc: now(),
          updatedAtUtc: now(),
          revision: 0,
          origin: input.origin ?? { kind: 'manual' },
          focusedField: null,
          deletedAtUtc: null,
        },
      };
      drafts.set(draft.id, stored);
      return ok(stored);
    },
    findByOrigin: (matches) => [...drafts.values()].filter((stored) => matches(stored.meta.origin)),
    save(draft): Result<StoredDraft> {
      const current = drafts.get(draft.id)!;
      const saved = {
        draft,
        meta: { ...current.meta, updatedAtUtc: now(), revision: current.meta.revision + 1 },
      };
      drafts.set(draft.id, saved);
      return ok(saved);
    },
    all: () => [...drafts.values()],
    get: (id) => drafts.get(id),
  };
}

export interface CalendarFixture extends SchedulerFixture {
  calendar: CalendarService;
  drafts: MemoryDrafts;
  calendarStore: ReturnType<typeof memoryStore<CalendarData>>;
  settingsStore: ReturnType<typeof memoryStore<CalendarSettings>>;
  changes: string[][];
  /** Creates an event and returns it, failing the test if it is refused. */
  create(fields: EventFields): EventDetail;
  /** The open maintenance reminders, earliest first. */
  openReminders(): { stage: string; dueAtUtc: string; state: string }[];
}

export function setupCalendar(
  options: { startMs?: number; history?: HistoryPort; zone?: string } = {},
): CalendarFixture {
  // Wed 1 Apr 2026, 10:00 BST: three weeks before the cert-manager upgrade.
  const scheduler = setupScheduler({ startMs: options.startMs ?? Date.parse('2026-04-01T09:00:00Z') });
  const plan = resetToDefaultPlan();
  const drafts = memoryDrafts(
    () => plan,
    () => scheduler.clock.now(),
  );
  const calendarStore = memoryStore<CalendarData>({ events: [], freezes: [] });
  const settingsStore = memoryStore<CalendarSettings>(defaultCalendarSettings);
  const bus = createEventBus(scheduler.logger);
  const changes: string[][] = [];
  bus.subscribe((event, payload) => {
    if (event === 'calendar:changed') changes.push((payload as { eventIds: string[] }).eventIds);
  });
  let idCount = 0;
  const calendar = createCalendarService({
    store: calendarStore,
    settingsStore,
    // Through the fixture, so a restarted scheduler is the one the calendar talks to.
    reminders: {
      schedule: (args, options) => fixture.scheduler.schedule(args, options),
      cancelFor: (matcher) => fixture.scheduler.cancelFor(matcher),
      withSubject: (subject) => fixture.scheduler.withSubject(subject),
      openSubjects: () => fixture.scheduler.openSubjects(),
      batch: (reason, work) => fixture.scheduler.batch(reason, work),
    },
    drafts,
    plan: () => plan,
    userZone: () => options.zone ?? 'Europe/London',
    ...(options.history ? { history: options.history } : {}),
    clock: scheduler.clock,
    bus,
    logger: scheduler.logger,
    createId: () => `id-${++idCount}`,
  });
  const fixture: CalendarFixture = Object.assign(scheduler, {
    calendar,
    drafts,
    calendarStore,
    settingsStore,
    changes,
    create(fields: EventFields) {
      const result = calendar.create(fields);
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    },
    openReminders() {
      return fixture.scheduler
        .list()
        .flatMap((reminder) =>
          reminder.subject.type === 'maintenance' &&
          (reminder.state === 'armed' || reminder.state === 'fired')
            ? [{ stage: reminder.subject.stage, dueAtUtc: reminder.dueAtUtc, state: reminder.state }]
            : [],
        );
    },
  });
  return fixture;
}
