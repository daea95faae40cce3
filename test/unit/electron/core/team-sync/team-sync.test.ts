// Two leads' Heralds on one fake Slack, each with its own data folder and
// clock: Slack is the only thing they share. What A declares, B sees with its
// promise and owner; B takes over and only B's Herald alerts; two take-overs
// at once resolve by Slack's message order and the loser is told.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maintenanceEventSchema } from '../../../../../shared/calendar/maintenance-event.ts';
import type { StoredDraft } from '../../../../../shared/drafts/stored-draft.ts';
import { incidentSchema, type Incident } from '../../../../../shared/incidents/incident.ts';
import type { Reminder } from '../../../../../shared/reminders/reminder.ts';
import { heraldMetadata, readHeraldMetadata } from '../../../../../shared/team-sync/message-facts.ts';
import { isTheirs } from '../../../../../shared/team-sync/owner-wording.ts';
import { certManagerFields } from '../../../shared/calendar/event-fixtures.ts';
import { makeOutboxWorld, type OutboxWorld } from '../outbox/outbox-fixture.ts';

const LEAD_A = { userId: 'U0COMMSLEAD', name: 'comms.lead' };
const LEAD_B = { userId: 'U0COMMSLD2', name: 'Priya (comms)' };
const CHANNEL = 'operations-engineering-update';

async function twoHeralds(): Promise<{ a: OutboxWorld; b: OutboxWorld }> {
  const a = await makeOutboxWorld();
  const b = await makeOutboxWorld({ reuseFake: a.fake });
  b.clock.set(a.clock.now());
  for (const [world, lead] of [
    [a, LEAD_A],
    [b, LEAD_B],
  ] as const) {
    const saved = await world.core.router.call('settings:update', { lead });
    if (!saved.ok) throw new Error(saved.error.message);
  }
  return { a, b };
}

/** A router call that must succeed: its value. */
async function call<T>(world: OutboxWorld, channel: string, args: unknown): Promise<T> {
  const answer = await world.core.router.call(channel as never, args as never);
  if (!answer.ok) throw new Error(`${channel}: ${answer.error.message}`);
  return answer.value;
}

/** Answers `stored`'s fields with `fields`, sends it now and waits until it is in Slack. */
async function sendWith(world: OutboxWorld, stored: StoredDraft, fields: Record<string, string>) {
  const draft = { ...stored.draft, fields: { ...stored.draft.fields, ...fields } };
  const saved = await world.core.router.call('drafts:save', { draft });
  if (!saved.ok) throw new Error(saved.error.message);
  const sent = await world.core.router.call('messages:send', { draftId: draft.id, mode: 'now' });
  if (!sent.ok) throw new Error(sent.error.message);
  await world.drive(() => world.core.outbox.get(sent.value.outboxItemId)?.state === 'sent');
  return sent.value;
}

async function declare(world: OutboxWorld, promiseInMin: number): Promise<string> {
  const created = await world.core.router.call('drafts:create', { typeId: 'incidents' });
  if (!created.ok) throw new Error(created.error.message);
  const sent = await sendWith(world, created.value, {
    service: 'Sentry',
    priority: 'high',
    serviceImpact: 'Errors are not reaching Sentry.',
    actionBeingTaken: 'An incident team is investigating.',
    nextUpdateAtUtc: new Date(world.clock.now() + promiseInMin * 60_000).toISOString(),
    userActions: 'None',
  });
  return sent.incidentId ?? '';
}

/** Posts an update to the incident promising the next at `promise`; answers its outbox id once it is in Slack. */
async function postUpdate(world: OutboxWorld, incidentId: string, promise: string): Promise<string> {
  const next = await world.core.router.call('incidents:draftNext', { incidentId, kind: 'update' });
  if (!next.ok) throw new Error(next.error.message);
  const sent = await sendWith(world, next.value, {
    serviceImpact: 'Most errors reach Sentry again.',
    actionBeingTaken: 'Relays restarted.',
    userActions: 'None',
    nextUpdateAtUtc: promise,
  });
  return sent.outboxItemId;
}

const incidentOf = (world: OutboxWorld, id: string): Incident | undefined => world.core.incidents.get(id);
const openAlerts = (world: OutboxWorld, id: string): Reminder['kind'][] =>
  world.core.reminders.scheduler
    .list()
    .filter((r) => r.subject.type === 'incident' && r.subject.incidentId === id && r.state === 'armed')
    .map((r) => r.kind)
    .sort();

describe('the shared picture between two leads’ Heralds', () => {
  it('carries the incident’s facts in Slack metadata, and the other Herald sees its promise and owner', async () => {
    const { a, b } = await twoHeralds();
    const incidentId = await declare(a, 30);

    const [posted] = a.heraldMessages(CHANNEL);
    const read = readHeraldMetadata(posted?.metadata);
    expect(read).toMatchObject({
      kind: 'herald',
      version: 1,
      facts: {
        kind: 'incident',
        actor: LEAD_A.userId,
        incident: { id: incidentId, stage: 'declared', owner: LEAD_A.userId, previous_owner: '' },
      },
    });
    const promise = incidentOf(a, incidentId)?.nextUpdateAtUtc;
    expect(
      read.kind === 'herald' && read.facts?.kind === 'incident' && read.facts.incident.next_update_at,
    ).toBe(promise);

    await b.core.teamSync.syncOnce();
    expect(incidentOf(b, incidentId)).toMatchObject({
      owner: LEAD_A.userId,
      origin: 'slack',
      nextUpdateAtUtc: promise,
      state: 'open',
      timeline: [expect.objectContaining({ kind: 'declared', by: LEAD_A.userId })],
    });
    // A has comms: A's Herald raises the alerts; B's only escalates past the grace period.
    expect(openAlerts(a, incidentId)).toEqual([
      'incident_due',
      'incident_escalated',
      'incident_heads_up',
      'incident_overdue',
    ]);
    expect(openAlerts(b, incidentId)).toEqual(['incident_escalated']);
  });

  it('hands over: the new owner alerts, the old one does not, and an update from either clears the alert in both', async () => {
    const { a, b } = await twoHeralds();
    const incidentId = await declare(a, 30);
    await b.core.teamSync.syncOnce();

    const taken = await b.core.router.call('incidents:takeOver', { incidentId });
    expect(taken.ok).toBe(true);
    expect(incidentOf(b, incidentId)?.owner).toBe(LEAD_B.userId);
    await b.drive(() => taken.ok && b.core.outbox.get(taken.value.outboxItemId)?.state === 'sent');
    const note = a.fake.messages(CHANNEL).at(-1);
    expect(note?.text).toBe(`Comms for this incident are now with <@${LEAD_B.userId}>.`);
    expect(note?.thread_ts).toBe(a.fake.messages(CHANNEL)[0]?.ts);

    await a.core.teamSync.syncOnce();
    expect(incidentOf(a, incidentId)?.owner).toBe(LEAD_B.userId);
    expect(openAlerts(a, incidentId)).toEqual(['incident_escalated']);
    expect(openAlerts(b, incidentId)).toEqual([
      'incident_due',
      'incident_escalated',
      'incident_heads_up',
      'incident_overdue',
    ]);

    // B posts the update with a new promise: A's Herald moves to it (its old escalation is cleared).
    const newPromise = new Date(b.clock.now() + 60 * 60_000).toISOString();
    await postUpdate(b, incidentId, newPromise);
    await a.core.teamSync.syncOnce();
    expect(incidentOf(a, incidentId)).toMatchObject({ nextUpdateAtUtc: newPromise, owner: LEAD_B.userId });
    expect(incidentOf(a, incidentId)?.timeline.map((entry) => [entry.kind, entry.by])).toEqual([
      ['declared', LEAD_A.userId],
      ['handover', LEAD_B.userId],
      ['update', LEAD_B.userId],
    ]);
    const escalations = a.core.reminders.scheduler
      .list()
      .filter((r) => r.subject.type === 'incident' && r.kind === 'incident_escalated' && r.state === 'armed');
    expect(escalations.map((r) => r.eventAtUtc)).toEqual([newPromise]);
  });

  it('sees an edit of a message it already read: a corrected promise moves B’s card and B’s alerts', async () => {
    const { a, b } = await twoHeralds();
    const incidentId = await declare(a, 30);
    // A posts an update promising the next in 40 minutes; B reads it, then takes over comms.
    const firstPromise = new Date(a.clock.now() + 40 * 60_000).toISOString();
    const updateId = await postUpdate(a, incidentId, firstPromise);
    await b.core.teamSync.syncOnce();
    const taken = await b.core.router.call('incidents:takeOver', { incidentId });
    if (!taken.ok) throw new Error(taken.error.message);
    await b.drive(() => b.core.outbox.get(taken.value.outboxItemId)?.state === 'sent');
    expect(incidentOf(b, incidentId)?.nextUpdateAtUtc).toBe(firstPromise);

    // A corrects the update's promise in Slack (chat.update): Slack's log gains no new message.
    const opened = await a.core.router.call('messages:openCorrection', {
      messageId: updateId,
    });
    if (!opened.ok) throw new Error(opened.error.message);
    const movedPromise = new Date(a.clock.now() + 55 * 60_000).toISOString();
    const correction = {
      ...opened.value.stored.draft,
      fields: { ...opened.value.stored.draft.fields, nextUpdateAtUtc: movedPromise },
    };
    await a.core.router.call('drafts:save', { draft: correction });
    const edited = await a.core.router.call('messages:edit', { draftId: correction.id });
    if (!edited.ok) throw new Error(edited.error.message);
    await a.drive(() => a.core.outbox.list(['queued', 'sending']).items.length === 0);
    const messagesBefore = a.fake.messages(CHANNEL).length;

    await b.core.teamSync.syncOnce();
    expect(a.fake.messages(CHANNEL)).toHaveLength(messagesBefore);
    expect(incidentOf(b, incidentId)).toMatchObject({ nextUpdateAtUtc: movedPromise, owner: LEAD_B.userId });
    const entry = incidentOf(b, incidentId)?.timeline.find((item) => item.outboxItemId === updateId);
    expect(entry?.nextUpdateAtUtc).toBe(movedPromise);
    // B has comms, so B's alerts move to the corrected promise.
    const due = b.core.reminders.scheduler
      .list()
      .filter((r) => r.subject.type === 'incident' && r.kind === 'incident_due' && r.state === 'armed');
    expect(due.map((r) => r.eventAtUtc)).toEqual([movedPromise]);
    // Reading the same thread again changes nothing.
    const settled = incidentOf(b, incidentId);
    await b.core.teamSync.syncOnce();
    expect(incidentOf(b, incidentId)).toEqual(settled);
  });

  it('sees a corrected resolution for a day after it: B’s timeline names the resolution as corrected', async () => {
    const { a, b } = await twoHeralds();
    const incidentId = await declare(a, 30);
    const next = await call<StoredDraft>(a, 'incidents:draftNext', { incidentId, kind: 'resolved' });
    const resolution = await sendWith(a, next, {
      resolution: 'Relays restarted; errors reach Sentry again.',
    });
    await b.core.teamSync.syncOnce();
    expect(incidentOf(b, incidentId)?.state).toBe('resolved');

    // An hour later A corrects the resolution's title in Slack (chat.update): no new message.
    a.clock.advance(60 * 60_000);
    b.clock.set(a.clock.now());
    const opened = await call<{ stored: StoredDraft }>(a, 'messages:openCorrection', {
      messageId: resolution.outboxItemId,
    });
    const title = 'Incident Resolved - Sentry (every region)';
    await call(a, 'drafts:save', { draft: { ...opened.stored.draft, title } });
    await call(a, 'messages:edit', { draftId: opened.stored.draft.id });
    await a.drive(() => a.core.outbox.list(['queued', 'sending']).items.length === 0);
    const entryOn = (world: OutboxWorld) =>
      incidentOf(world, incidentId)?.timeline.find((item) => item.outboxItemId === resolution.outboxItemId);
    expect(entryOn(a)?.summary).toBe(title);

    await b.core.teamSync.syncOnce();
    expect(entryOn(b)?.summary).toBe(title);
    expect(incidentOf(b, incidentId)?.state).toBe('resolved');

    // A day after the resolution, its thread is no longer read every round.
    const replies = () => b.fake.requests.filter((r) => r.method === 'conversations.replies').length;
    await b.core.teamSync.syncOnce();
    expect(replies()).toBeGreaterThan(0);
    const whileWatched = replies();
    await b.core.teamSync.syncOnce();
    expect(replies()).toBeGreaterThan(whileWatched);
    b.clock.advance(24 * 60 * 60_000);
    await b.core.teamSync.syncOnce();
    const afterADay = replies();
    await b.core.teamSync.syncOnce();
    expect(replies()).toBe(afterADay);
  });

  it('survives any message in a plan channel: hand-made, foreign or broken metadata never crash a sync or corrupt state', async () => {
    const { a, b } = await twoHeralds();
    const incidentId = await declare(a, 30);
    const junk = fc.record({
      text: fc.string({ minLength: 1, maxLength: 40 }),
      metadata: fc.option(
        fc.record({
          event_type: fc.constantFrom('herald_message', 'task_created'),
          event_payload: fc.record(
            {
              herald_id: fc.oneof(fc.uuid(), fc.string()),
              schema_version: fc.oneof(fc.integer({ min: -1, max: 9 }), fc.string()),
              subject_kind: fc.constantFrom('incident', 'maintenance', 'other'),
              actor: fc.constantFrom('U0COMMSLD2', 'nobody', ''),
              incident: fc.record(
                {
                  id: fc.constantFrom(incidentId, 'other-incident', ''),
                  stage: fc.constantFrom('update', 'handover', 'resolved', 'exploded'),
                  owner: fc.constantFrom('U0COMMSLD2', 'U0COMMSLEAD', 'x'),
                  previous_owner: fc.constantFrom('U0COMMSLEAD', ''),
                  next_update_at: fc.constantFrom('', '2026-04-20T12:00:00.000Z', 'soon'),
                  title: fc.string({ maxLength: 20 }),
                  service: fc.string({ maxLength: 20 }),
                  priority: fc.constant(''),
                },
                { requiredKeys: [] },
              ),
              maintenance: fc.record(
                {
                  id: fc.constantFrom('ev-junk', ''),
                  title: fc.string({ maxLength: 20 }),
                  starts_at: fc.constantFrom('2026-04-30T11:00:00.000Z', 'tomorrow', ''),
                  ends_at: fc.constantFrom('', '2026-04-30T10:00:00.000Z', '2026-04-30T16:00:00.000Z'),
                  status: fc.constantFrom('planned', 'cancelled', 'exploded'),
                  stage: fc.constantFrom('announcement', 'cancelled', 'x'),
                  zone: fc.constantFrom('Europe/London', 'Mars/Olympus', ''),
                  owner: fc.constantFrom('U0COMMSLD2', 'x', ''),
                },
                { requiredKeys: [] },
              ),
              comms: fc.oneof(
                fc.constant('not a list'),
                fc.array(
                  fc.record({
                    stage: fc.string({ maxLength: 12 }),
                    due_at: fc.constant(''),
                    is_sent: fc.boolean(),
                  }),
                ),
              ),
            },
            { requiredKeys: [] },
          ),
        }),
        { nil: undefined },
      ),
      inThread: fc.boolean(),
    });
    const rootTs = a.fake.messages(CHANNEL)[0]?.ts ?? '';
    await fc.assert(
      fc.asyncProperty(fc.array(junk, { minLength: 1, maxLength: 4 }), async (messages) => {
        for (const message of messages) {
          a.fake.addMessage(CHANNEL, {
            text: message.text,
            user: 'U0ENGINEER',
            ...(message.metadata ? { metadata: message.metadata } : {}),
            ...(message.inThread ? { thread_ts: rootTs } : {}),
          });
        }
        const status = await b.core.teamSync.syncOnce();
        expect(status.problem).toBeNull();
        for (const incident of b.core.incidents.list())
          expect(incidentSchema.safeParse(incident).success).toBe(true);
        const junkEvent = b.core.calendar.find('ev-junk');
        if (junkEvent) expect(maintenanceEventSchema.safeParse(junkEvent).success).toBe(true);
      }),
      { numRuns: 25 },
    );
    // What B holds survives a restart without quarantine: the stores were never written in a shape they refuse.
    b.core.stop();
    const reopened = await makeOutboxWorld({ reuseFake: a.fake, dataDir: b.dataDir, start: false });
    expect(reopened.core.storageNotices).toEqual([]);
    expect(reopened.core.incidents.get(incidentId)).toBeDefined();
  });

  it('two take-overs at once: the first in Slack wins and the other lead is told', async () => {
    const { a, b } = await twoHeralds();
    const c = await makeOutboxWorld({ reuseFake: a.fake });
    c.clock.set(a.clock.now());
    await c.core.router.call('settings:update', { lead: { userId: 'U0ENGINEER', name: 'sam.okafor' } });
    const incidentId = await declare(a, 30);
    await b.core.teamSync.syncOnce();
    await c.core.teamSync.syncOnce();

    const byB = await b.core.router.call('incidents:takeOver', { incidentId });
    await b.drive(() => byB.ok && b.core.outbox.get(byB.value.outboxItemId)?.state === 'sent');
    const byC = await c.core.router.call('incidents:takeOver', { incidentId });
    await c.drive(() => byC.ok && c.core.outbox.get(byC.value.outboxItemId)?.state === 'sent');

    for (const world of [a, b, c]) await world.core.teamSync.syncOnce();
    for (const world of [a, b, c]) expect(incidentOf(world, incidentId)?.owner).toBe(LEAD_B.userId);
    expect(incidentOf(c, incidentId)?.ownershipNotice).toMatch(/took over comms first.*U0COMMSLD2/);
    expect(incidentOf(b, incidentId)?.ownershipNotice).toBeNull();
    expect(openAlerts(c, incidentId)).toEqual(['incident_escalated']);
  });

  it('reads incrementally: a second sync with nothing new asks only for what is newer', async () => {
    const { a, b } = await twoHeralds();
    await declare(a, 30);
    await b.core.teamSync.syncOnce();
    const ofChannel = () =>
      a.fake.requests.filter(
        (request) => request.method === 'conversations.history' && request.args.channel === 'C0OPSENGUPD',
      );
    const before = ofChannel().length;
    await b.core.teamSync.syncOnce();
    const histories = ofChannel();
    const lastSeen = b.core.teamSync
      .status()
      .channels.find((entry) => entry.channel === 'C0OPSENGUPD')?.lastSeenTs;
    expect(lastSeen).toBe(a.fake.messages(CHANNEL)[0]?.ts);
    expect(histories.slice(before).map((request) => request.args.oldest)).toEqual([lastSeen]);
  });
});

describe('the team sync under Slack’s 2025 limits for non-Marketplace apps', () => {
  it('still converges, only slower: one history call a minute, 15 messages a page, waiting out Retry-After', async () => {
    const b = await makeOutboxWorld({ fake: { rateLimits: 'non_marketplace' } });
    await b.core.router.call('settings:update', { lead: LEAD_B });
    // Another lead's Herald posted 40 incidents in the last day (three still open): three pages of 15 at this limit.
    const startMs = b.clock.now();
    const ids = Array.from({ length: 40 }, (_, n) => `inc-nm-${n}`);
    for (const [n, id] of ids.entries()) {
      b.fake.addMessage(CHANNEL, {
        text: `Incident ${n}`,
        user: 'U0COMMSLEAD',
        metadata: heraldMetadata(`h-nm-${n}`, {
          kind: 'incident',
          actor: LEAD_A.userId,
          incident: {
            id,
            stage: n < 37 ? 'resolved' : 'declared',
            priority: 'High Priority',
            title: `Incident ${n}`,
            service: 'Sentry',
            next_update_at: n < 37 ? '' : new Date(startMs + 30 * 60_000).toISOString(),
            owner: LEAD_A.userId,
            previous_owner: '',
          },
        }),
      });
    }

    // Under one history read a minute a cycle reads one page and then waits out Retry-After; the poll timer does
    // that, and so does this loop, on the test clock, until every message has arrived.
    const arrived = () => ids.every((id) => b.core.incidents.get(id) !== undefined);
    const memberChannels = ['C0OPSENGUPD', 'C0GHCOMMUNITY', 'C0ASKCOMMS'];
    const readChannels = () =>
      new Set(
        b.fake.requests
          .filter((request) => request.method === 'conversations.history' && request.status === 200)
          .map((request) => String(request.args.channel)),
      );
    let cycles = 0;
    let status = await b.core.teamSync.syncOnce();
    // A round Slack cuts short carries on from what it has not read, so the sync reaches "idle".
    while (status.state === 'waiting_for_slack') {
      cycles += 1;
      if (cycles > 30) throw new Error('the sync did not converge within 30 waits');
      b.clock.set(Date.parse(status.retryAfterUtc ?? ''));
      status = await b.core.teamSync.syncOnce();
    }
    expect(status).toMatchObject({ state: 'idle', problem: null });
    expect(arrived()).toBe(true);
    for (const id of ids) expect(b.core.incidents.get(id)).toMatchObject({ owner: LEAD_A.userId });
    expect(b.core.incidents.list().filter((incident) => incident.state === 'open')).toHaveLength(3);

    const histories = b.fake.requests.filter((request) => request.method === 'conversations.history');
    const accepted = histories.filter((request) => request.status === 200 && request.error === undefined);
    // Never more than one accepted history read in any minute, and Herald never asked again before Slack's Retry-After.
    for (const [index, request] of accepted.entries())
      if (index > 0) expect(request.atMs - (accepted[index - 1]?.atMs ?? 0)).toBeGreaterThanOrEqual(60_000);
    expect(histories.filter((request) => request.error === 'ratelimited').length).toBeLessThanOrEqual(
      cycles + 1,
    );
    // The channel took three pages (40 messages, 15 a page): slower than Tier 3, but every message arrived.
    const ofChannel = accepted.filter((request) => request.args.channel === 'C0OPSENGUPD');
    expect(ofChannel.length).toBeGreaterThanOrEqual(3);
    expect(b.clock.now() - startMs).toBeGreaterThanOrEqual((accepted.length - 1) * 60_000);

    // No channel is starved: every plan channel was read in the round.
    expect(readChannels()).toEqual(new Set(memberChannels));
    expect(cycles).toBeLessThan(10);
  });
});

describe('other leads’ maintenance in my calendar', () => {
  async function sendStage(world: OutboxWorld, eventId: string, stage: string): Promise<void> {
    const opened = await call<{ draftId: string }>(world, 'calendar:openDraft', { eventId, stage });
    const sent = await call<{ outboxItemId: string }>(world, 'messages:send', {
      draftId: opened.draftId,
      mode: 'now',
      overrideReason: 'Checked with the team lead.',
    });
    await world.drive(() => world.core.outbox.get(sent.outboxItemId)?.state === 'sent');
  }

  const maintenanceReminders = (world: OutboxWorld, eventId: string) =>
    world.core.reminders.scheduler
      .list()
      .filter((r) => r.subject.type === 'maintenance' && r.subject.eventId === eventId && r.state === 'armed')
      .map((r) => (r.subject.type === 'maintenance' ? r.subject.stage : ''))
      .sort();

  it('A announces, B’s calendar shows it with A as owner and agrees what is sent; moves and cancellation follow', async () => {
    const { a, b } = await twoHeralds();
    const starts = new Date(a.clock.now() + 10 * 86_400_000).toISOString();
    const ends = new Date(a.clock.now() + 10 * 86_400_000 + 5 * 3_600_000).toISOString();
    const created = await call<{ event: { id: string; owner: string } }>(a, 'calendar:create', {
      event: { ...certManagerFields(), startsAtUtc: starts, endsAtUtc: ends, userActionDeadlineUtc: null },
    });
    const eventId = created.event.id;
    expect(created.event.owner).toBe(LEAD_A.userId);
    await sendStage(a, eventId, 'announcement');

    await b.core.teamSync.syncOnce();
    const seen = b.core.calendar.find(eventId);
    expect(seen).toMatchObject({
      origin: 'slack',
      owner: LEAD_A.userId,
      status: 'announced',
      startsAtUtc: starts.replace(/\.\d{3}Z$/, '.000Z'),
      title: 'Certificate Manager Upgrade',
    });
    expect(Object.keys(seen?.sentStages ?? {})).toEqual(['announcement']);
    // A has comms: A's Herald reminds A of the reminder; B's reminds nobody of anything for it.
    expect(maintenanceReminders(a, eventId)).toEqual(['complete', 'reminder', 'start']);
    expect(maintenanceReminders(b, eventId)).toEqual([]);
    // Syncing again (and A reading its own message back) changes nothing, and duplicates nothing.
    const before = b.core.calendar.find(eventId);
    await b.core.teamSync.syncOnce();
    await a.core.teamSync.syncOnce();
    expect(b.core.calendar.find(eventId)).toBe(before);
    const around = b.core.calendar.list(Date.parse(starts) - 86_400_000, Date.parse(starts) + 86_400_000);
    expect(around.events.filter((e) => e.id === eventId)).toHaveLength(1);
    expect(a.core.calendar.find(eventId)).toMatchObject({ origin: 'local', owner: LEAD_A.userId });

    // A moves the work a week and says so: B's calendar follows.
    const moved = new Date(Date.parse(starts) + 7 * 86_400_000).toISOString();
    await call(a, 'calendar:reschedule', {
      id: eventId,
      startsAtUtc: moved,
      endsAtUtc: new Date(Date.parse(ends) + 7 * 86_400_000).toISOString(),
      reason: 'It clashes with a platform release.',
    });
    await sendStage(a, eventId, 'rescheduled');
    await b.core.teamSync.syncOnce();
    expect(b.core.calendar.find(eventId)).toMatchObject({
      status: 'rescheduled',
      startsAtUtc: moved.replace(/\.\d{3}Z$/, '.000Z'),
      previousStartsAtUtc: starts.replace(/\.\d{3}Z$/, '.000Z'),
    });
    // B's Herald drafts nothing for A's change: the message is A's to send.
    expect(b.core.drafts.findByOrigin((origin) => origin.kind === 'calendar')).toEqual([]);

    // A calls it off: B's calendar shows it cancelled.
    await call(a, 'calendar:cancel', { id: eventId, reason: 'Vendor withdrew the release.' });
    await sendStage(a, eventId, 'cancelled');
    await b.core.teamSync.syncOnce();
    expect(b.core.calendar.find(eventId)).toMatchObject({ status: 'cancelled' });
  });

  async function announcedByA(a: OutboxWorld): Promise<string> {
    const starts = new Date(a.clock.now() + 10 * 86_400_000).toISOString();
    const ends = new Date(a.clock.now() + 10 * 86_400_000 + 5 * 3_600_000).toISOString();
    const created = await call<{ event: { id: string } }>(a, 'calendar:create', {
      event: { ...certManagerFields(), startsAtUtc: starts, endsAtUtc: ends, userActionDeadlineUtc: null },
    });
    await sendStage(a, created.event.id, 'announcement');
    return created.event.id;
  }

  it('A corrects a maintenance announcement in place: B reads it again and B’s calendar follows', async () => {
    const { a, b } = await twoHeralds();
    const eventId = await announcedByA(a);
    await b.core.teamSync.syncOnce();
    const before = b.core.calendar.find(eventId);
    expect(before?.impact).toBe(certManagerFields().impact);
    const announcement = a.core.outbox
      .list(['sent'])
      .items.find((item) => item.source?.eventId === eventId && item.source.stage === 'announcement');
    if (!announcement) throw new Error('A’s announcement is not in A’s outbox');

    // A finds the impact was wrong, fixes the event, and corrects the announcement in Slack (chat.update).
    const impact = 'Deployments pause for up to ten minutes.';
    const current = a.core.calendar.find(eventId)!;
    await call(a, 'calendar:update', {
      id: eventId,
      event: {
        ...certManagerFields(),
        startsAtUtc: current.startsAtUtc,
        endsAtUtc: current.endsAtUtc,
        impact,
      },
    });
    const opened = await call<{ stored: { draft: StoredDraft['draft'] } }>(a, 'messages:openCorrection', {
      messageId: announcement.id,
    });
    await a.core.router.call('drafts:save', { draft: opened.stored.draft });
    await call(a, 'messages:edit', {
      draftId: opened.stored.draft.id,
      overrideReason: 'Checked with the team lead.',
    });
    await a.drive(() => a.core.outbox.list(['queued', 'sending']).items.length === 0);
    const messagesBefore = a.fake.messages(CHANNEL).length;
    expect(a.fake.messages(CHANNEL).find((m) => m.ts === announcement.ts)?.edited).toBeDefined();

    // Slack's log gains no message; B reads the announcement again and takes the corrected facts.
    await b.core.teamSync.syncOnce();
    expect(a.fake.messages(CHANNEL)).toHaveLength(messagesBefore);
    const after = b.core.calendar.find(eventId);
    expect(after).toMatchObject({ impact, owner: LEAD_A.userId, origin: 'slack' });
    expect(after?.sentStages).toEqual(before?.sentStages);
    // Reading it again changes nothing.
    await b.core.teamSync.syncOnce();
    expect(b.core.calendar.find(eventId)).toEqual(after);
  });

  /** `world`'s lead moves the event to a day after it was planned, an hour long: the router's answer. */
  function moveADay(world: OutboxWorld, event: { id: string; startsAtUtc: string }, reason: string) {
    const later = (ms: number) => new Date(Date.parse(event.startsAtUtc) + ms).toISOString();
    return world.core.router.call('calendar:reschedule', {
      id: event.id,
      startsAtUtc: later(86_400_000),
      endsAtUtc: later(86_400_000 + 3_600_000),
      reason,
    });
  }

  it('B takes over A’s maintenance: a note in its thread with metadata; B’s Herald reminds B, A’s shows B has it', async () => {
    const { a, b } = await twoHeralds();
    const eventId = await announcedByA(a);
    await b.core.teamSync.syncOnce();

    const taken = await call<{ outboxItemId: string }>(b, 'calendar:takeOver', { eventId });
    // B has it at once (the note still on its way): B's Herald arms the event's reminders.
    expect(b.core.calendar.find(eventId)?.owner).toBe(LEAD_B.userId);
    expect(maintenanceReminders(b, eventId)).toEqual(['complete', 'reminder', 'start']);
    await b.drive(() => b.core.outbox.get(taken.outboxItemId)?.state === 'sent');

    const [announcement] = a.fake.messages(CHANNEL);
    const note = a.fake.messages(CHANNEL).at(-1);
    expect(note?.text).toBe(`Comms for this maintenance are now with <@${LEAD_B.userId}>.`);
    expect(note?.thread_ts).toBe(announcement?.ts);
    expect(readHeraldMetadata(note?.metadata)).toMatchObject({
      facts: {
        kind: 'maintenance',
        actor: LEAD_B.userId,
        maintenance: { id: eventId, stage: 'handover', owner: LEAD_B.userId, previous_owner: LEAD_A.userId },
      },
    });

    await a.core.teamSync.syncOnce();
    await b.core.teamSync.syncOnce();
    expect(a.core.calendar.find(eventId)).toMatchObject({ origin: 'local', owner: LEAD_B.userId });
    expect(b.core.calendar.find(eventId)).toMatchObject({ owner: LEAD_B.userId, pendingHandover: null });
    // Only the new owner's Herald reminds anyone; A's disarmed the event's reminders.
    expect(maintenanceReminders(a, eventId)).toEqual([]);
    expect(maintenanceReminders(b, eventId)).toEqual(['complete', 'reminder', 'start']);
    // Taking it over again is refused: B already has it.
    const again = await b.core.router.call('calendar:takeOver', { eventId });
    expect(again.ok || again.error.message).toMatch(/already have comms/);
  });

  it('only the lead with comms changes a maintenance: A cannot reschedule, cancel or mark what B took over', async () => {
    const { a, b } = await twoHeralds();
    const eventId = await announcedByA(a);
    await b.core.teamSync.syncOnce();
    // Before any take-over, B cannot change A's event either.
    const byBFirst = await b.core.router.call('calendar:cancel', {
      id: eventId,
      reason: 'Not ours to call off.',
    });
    expect(byBFirst.ok ? 'changed' : byBFirst.error.code).toBe('forbidden');

    const taken = await call<{ outboxItemId: string }>(b, 'calendar:takeOver', { eventId });
    await b.drive(() => b.core.outbox.get(taken.outboxItemId)?.state === 'sent');
    await a.core.teamSync.syncOnce();
    const before = a.core.calendar.find(eventId);
    expect(before?.owner).toBe(LEAD_B.userId);

    const attempts = [
      await moveADay(a, before!, 'Moved by the wrong lead.'),
      await a.core.router.call('calendar:cancel', { id: eventId, reason: 'Called off by the wrong lead.' }),
      await a.core.router.call('calendar:markSent', { id: eventId, stage: 'reminder', isSent: true }),
      await a.core.router.call('calendar:update', {
        id: eventId,
        event: {
          ...certManagerFields(),
          startsAtUtc: before!.startsAtUtc,
          endsAtUtc: before!.endsAtUtc,
          title: 'Renamed',
        },
      }),
    ];
    for (const attempt of attempts) {
      expect(attempt.ok ? 'changed' : attempt.error.code).toBe('forbidden');
      if (!attempt.ok) expect(attempt.error.message).toMatch(/Take over comms first/);
    }
    // Nothing changed in A's calendar, and nothing was drafted to announce a change that did not happen.
    expect(a.core.calendar.find(eventId)).toEqual(before);
    expect(a.core.drafts.findByOrigin((origin) => origin.kind === 'calendar')).toEqual([]);

    // B, who has comms, can.
    const byB = await moveADay(b, before!, 'The vendor moved the release.');
    expect(byB.ok ? byB.value.event.status : byB.error.message).toBe('rescheduled');
  });

  it('a Herald with no lead named acts for every maintenance, as its panel offers: it changes A’s and is told to say so', async () => {
    const { a } = await twoHeralds();
    const solo = await makeOutboxWorld({ reuseFake: a.fake });
    solo.clock.set(a.clock.now());
    const eventId = await announcedByA(a);
    await solo.core.teamSync.syncOnce();
    const seen = solo.core.calendar.find(eventId);
    expect(seen?.owner).toBe(LEAD_A.userId);
    // One rule for main and the screens (owner-wording.ts): with no lead named here, nothing is another lead's.
    expect(isTheirs(seen!.owner, '')).toBe(false);
    expect(solo.core.calendar.isMine(seen!)).toBe(true);

    const moved = await moveADay(solo, seen!, 'The vendor moved the release.');
    expect(moved.ok ? moved.value.event.status : moved.error.message).toBe('rescheduled');
    // The change was announced once, so this Herald drafts the message that tells people.
    const drafted = solo.core.drafts.findByOrigin((origin) => origin.kind === 'calendar');
    expect(drafted.map((stored) => stored.draft.stage)).toContain('rescheduled');
  });

  it('two take-overs of a maintenance at once: the first in Slack wins, the other lead is told', async () => {
    const { a, b } = await twoHeralds();
    const c = await makeOutboxWorld({ reuseFake: a.fake });
    c.clock.set(a.clock.now());
    await c.core.router.call('settings:update', { lead: { userId: 'U0ENGINEER', name: 'sam.okafor' } });
    const eventId = await announcedByA(a);
    await b.core.teamSync.syncOnce();
    await c.core.teamSync.syncOnce();

    const byB = await call<{ outboxItemId: string }>(b, 'calendar:takeOver', { eventId });
    await b.drive(() => b.core.outbox.get(byB.outboxItemId)?.state === 'sent');
    const byC = await call<{ outboxItemId: string }>(c, 'calendar:takeOver', { eventId });
    await c.drive(() => c.core.outbox.get(byC.outboxItemId)?.state === 'sent');

    for (const world of [a, b, c]) await world.core.teamSync.syncOnce();
    for (const world of [a, b, c]) expect(world.core.calendar.find(eventId)?.owner).toBe(LEAD_B.userId);
    expect(c.core.calendar.find(eventId)?.handoverRefusedBy).toBe(LEAD_B.userId);
    expect(b.core.calendar.find(eventId)?.handoverRefusedBy ?? '').toBe('');
    expect(maintenanceReminders(c, eventId)).toEqual([]);
    expect(maintenanceReminders(a, eventId)).toEqual([]);
    expect(maintenanceReminders(b, eventId)).toEqual(['complete', 'reminder', 'start']);
  });

  it('refuses a take-over while Slack is not connected, and changes nothing', async () => {
    const { a, b } = await twoHeralds();
    const eventId = await announcedByA(a);
    await b.core.teamSync.syncOnce();
    const before = b.core.calendar.find(eventId);
    const queuedBefore = b.core.outbox.list().total;
    const disconnected = await b.core.router.call('slack:disconnect', {});
    expect(disconnected.ok).toBe(true);
    const taken = await b.core.router.call('calendar:takeOver', { eventId });
    expect(taken.ok ? 'taken' : taken.error.message).toMatch(/Connect Slack/);
    expect(b.core.calendar.find(eventId)?.owner).toBe(before?.owner);
    expect(b.core.outbox.list().total).toBe(queuedBefore);
  });
});
