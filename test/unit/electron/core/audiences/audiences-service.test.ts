// What each audience last heard, end to end in core: two leads' Heralds on
// one fake Slack (the real WebClient), each with its own data folder. The
// cert-manager announcement reaches the channel, the work moves, and both
// Heralds flag the channel still holding the old date; the drafted
// correction, once sent, clears the flag in both. An incident the plan tells
// two channels about: the second channel is flagged until told, then flagged
// again when the incident is resolved only where it was declared.
import { describe, expect, it, vi } from 'vitest';
import type { AudiencesView } from '../../../../../shared/api/channels/audiences.ts';
import { certManagerFields } from '../../../shared/calendar/event-fixtures.ts';
import { makeOutboxWorld, type OutboxWorld } from '../outbox/outbox-fixture.ts';

const UPDATE = 'operations-engineering-update';
const OTHER = 'ask-comms';
// Wed 15 Apr 2026, 10:00 BST: a week before the upgrade, the announcement is due.
const START_MS = Date.parse('2026-04-16T11:00:00Z');
const LEAD_A = { userId: 'U0COMMSLEAD', name: 'comms.lead' };
const LEAD_B = { userId: 'U0COMMSLD2', name: 'Priya (comms)' };

async function call<T>(world: OutboxWorld, channel: string, args: unknown): Promise<T> {
  const answer = await world.core.router.call(channel as never, args as never);
  if (!answer.ok) throw new Error(`${channel}: ${answer.error.message}`);
  return answer.value;
}

async function twoHeralds(): Promise<{ a: OutboxWorld; b: OutboxWorld }> {
  const a = await makeOutboxWorld({ startMs: START_MS });
  const b = await makeOutboxWorld({ reuseFake: a.fake });
  b.clock.set(a.clock.now());
  for (const [world, lead] of [
    [a, LEAD_A],
    [b, LEAD_B],
  ] as const) {
    await call(world, 'settings:update', { lead });
    await world.drive(() => world.core.outbox.connection().state === 'online');
  }
  return { a, b };
}

/** Sends a draft now (with an override: these drafts are what the fix offers, not what a lead would polish). */
async function sendNow(world: OutboxWorld, draftId: string): Promise<string> {
  const sent = await call<{ outboxItemId: string }>(world, 'messages:send', {
    draftId,
    mode: 'now',
    overrideReason: 'Test',
  });
  await world.drive(() => world.item(sent.outboxItemId).state === 'sent');
  return sent.outboxItemId;
}

const view = (world: OutboxWorld) => call<AudiencesView>(world, 'audiences:view', {});
const flagsOf = async (world: OutboxWorld) =>
  (await view(world)).flags.map((flag) => [flag.kind, flag.channel, flag.subject.kind]);

describe('what each audience last heard', () => {
  it('flags the channel holding the old date after a reschedule, in both leads’ Heralds, until the correction is sent', async () => {
    const { a, b } = await twoHeralds();
    const created = await call<{ event: { id: string } }>(a, 'calendar:create', {
      event: certManagerFields(),
    });
    const eventId = created.event.id;
    // The announcement is due and nobody has been told.
    expect(await flagsOf(a)).toEqual([['not_told', UPDATE, 'maintenance']]);

    const opened = await call<{ draftId: string }>(a, 'calendar:openDraft', {
      eventId,
      stage: 'announcement',
    });
    await sendNow(a, opened.draftId);
    expect(await flagsOf(a)).toEqual([]);
    const row = (await view(a)).audiences[0]?.channels[0]?.subjects[0];
    expect(row).toMatchObject({
      subject: { kind: 'maintenance', id: eventId, title: 'Certificate Manager Upgrade' },
      heard: { via: 'here', actor: LEAD_A.userId, claims: { stage: 'announcement' } },
    });

    await call(a, 'calendar:reschedule', {
      id: eventId,
      startsAtUtc: '2026-04-30T11:00:00.000Z',
      endsAtUtc: '2026-04-30T16:00:00.000Z',
      reason: 'It clashes with a platform release.',
    });
    const stale = (await view(a)).flags;
    expect(stale).toMatchObject([
      {
        kind: 'stale_window',
        channel: UPDATE,
        audience: 'Service teams',
        heard: { claims: { startsAtUtc: '2026-04-23T11:00:00.000Z' } },
        truth: { startsAtUtc: '2026-04-30T11:00:00.000Z' },
      },
    ]);

    // B reads A's announcement from Slack: B's view of that channel agrees with A's.
    await b.core.teamSync.syncOnce();
    const seenByB = (await view(b)).audiences.flatMap((group) => group.channels);
    expect(seenByB.find((channel) => channel.channel === UPDATE)?.subjects).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          subject: expect.objectContaining({ id: eventId }),
          heard: expect.objectContaining({ via: 'team', actor: LEAD_A.userId }),
        }),
      ]),
    );

    const fix = await call<{ draftId: string }>(a, 'audiences:draftFix', { flagId: stale[0]?.id });
    const draft = await call<{ draft: { stage: string; channel: string; body: string } }>(a, 'drafts:get', {
      id: fix.draftId,
    });
    expect(draft.draft).toMatchObject({ stage: 'rescheduled', channel: UPDATE });
    expect(draft.draft.body).toContain('Thu 23 Apr');
    // Asking again opens the same draft, not a second one.
    expect(await call(a, 'audiences:draftFix', { flagId: stale[0]?.id })).toEqual(fix);

    await sendNow(a, fix.draftId);
    expect(await flagsOf(a)).toEqual([]);
    expect(a.heraldMessages(UPDATE).at(-1)?.text).toContain('Thu 30 Apr');
    await b.core.teamSync.syncOnce();
    const afterB = (await view(b)).audiences.flatMap((group) => group.channels);
    expect(
      afterB
        .find((channel) => channel.channel === UPDATE)
        ?.subjects.find((subject) => subject.subject.id === eventId)?.heard?.claims,
    ).toMatchObject({ stage: 'rescheduled', startsAtUtc: '2026-04-30T11:00:00.000Z' });
    expect(a.eventsOf('audiences:changed').at(-1)?.flags).toEqual([]);
  });

  it('flags a second incident channel until told, then until it hears the resolution', async () => {
    const { a } = await twoHeralds();
    const plan = await call<{ types: Array<{ id: string; destinations: unknown[] }> }>(a, 'plan:get', {});
    await call(a, 'plan:update', {
      plan: {
        ...plan,
        types: plan.types.map((type) =>
          type.id === 'incidents'
            ? {
                ...type,
                destinations: [
                  { kind: 'slack', channel: UPDATE },
                  { kind: 'slack', channel: OTHER },
                ],
              }
            : type,
        ),
      },
    });
    const created = await call<{ draft: { id: string; fields: Record<string, string> } }>(
      a,
      'drafts:create',
      {
        typeId: 'incidents',
      },
    );
    const promise = new Date(a.clock.now() + 30 * 60_000).toISOString();
    await call(a, 'drafts:save', {
      draft: {
        ...created.draft,
        channel: UPDATE,
        fields: {
          ...created.draft.fields,
          service: 'Sentry',
          priority: 'high',
          serviceImpact: 'Errors are not reaching Sentry.',
          actionBeingTaken: 'An incident team is investigating.',
          nextUpdateAtUtc: promise,
          userActions: 'None',
        },
      },
    });
    const declared = await call<{ outboxItemId: string; incidentId: string }>(a, 'messages:send', {
      draftId: created.draft.id,
      mode: 'now',
    });
    await a.drive(() => a.item(declared.outboxItemId).state === 'sent');
    const notTold = (await view(a)).flags;
    expect(notTold.map((flag) => [flag.kind, flag.channel])).toEqual([['not_told', OTHER]]);

    const told = await call<{ draftId: string }>(a, 'audiences:draftFix', { flagId: notTold[0]?.id });
    const toldDraft = await call<{
      draft: { stage: string; channel: string; fields: Record<string, string> };
    }>(a, 'drafts:get', { id: told.draftId });
    // The channel told late hears the promise the first channel has, and the same words.
    expect(toldDraft.draft).toMatchObject({ stage: 'update', channel: OTHER });
    expect(toldDraft.draft.fields.serviceImpact).toBe('Errors are not reaching Sentry.');
    expect(Date.parse(toldDraft.draft.fields.nextUpdateAtUtc ?? '')).toBe(Date.parse(promise));
    const toldId = await sendNow(a, told.draftId);
    // Told at the channel's top level: the incident's thread is in the other channel.
    expect(a.item(toldId)).toMatchObject({ channelName: OTHER, threadTs: null });
    expect(await flagsOf(a)).toEqual([]);

    const resolution = await call<{ draft: { id: string; fields: Record<string, string> } }>(
      a,
      'incidents:draftNext',
      { incidentId: declared.incidentId, kind: 'resolved' },
    );
    await call(a, 'drafts:save', {
      draft: {
        ...resolution.draft,
        fields: {
          ...resolution.draft.fields,
          serviceImpact: 'Errors reach Sentry again.',
          rootCause: 'A full disk.',
        },
      },
    });
    await sendNow(a, resolution.draft.id);
    const open = (await view(a)).flags;
    expect(open).toMatchObject([
      {
        kind: 'resolved_elsewhere',
        channel: OTHER,
        elsewhere: UPDATE,
        heard: { claims: { stage: 'update' } },
      },
    ]);

    const late = await call<{ draftId: string }>(a, 'audiences:draftFix', { flagId: open[0]?.id });
    const lateDraft = await call<{
      draft: { stage: string; channel: string; fields: Record<string, string> };
    }>(a, 'drafts:get', { id: late.draftId });
    // The same words the first channel had.
    expect(lateDraft.draft).toMatchObject({ stage: 'resolved', channel: OTHER });
    expect(lateDraft.draft.fields.serviceImpact).toBe('Errors reach Sentry again.');
    await sendNow(a, late.draftId);
    expect(await flagsOf(a)).toEqual([]);
    expect((await view(a)).audiences).toEqual([]);
  });

  it('re-derives the view only when what it reads moves: a message without facts costs no calendar listing', async () => {
    const { a } = await twoHeralds();
    const created = await call<{ event: { id: string } }>(a, 'calendar:create', {
      event: certManagerFields(),
    });
    // Let the create's own re-derivation run before counting.
    await a.drive(() => true);
    const listings = vi.spyOn(a.core.calendar, 'eventsTouching');
    const plain = await call<{ id: string }>(a, 'outbox:enqueue', {
      channel: OTHER,
      text: 'Lunch is in the kitchen.',
    });
    await a.drive(() => a.item(plain.id).state === 'sent');
    await a.drive(() => true);
    // queued, sending and sent moved neither a pending announcement nor what a channel heard.
    expect(listings).not.toHaveBeenCalled();

    const opened = await call<{ draftId: string }>(a, 'calendar:openDraft', {
      eventId: created.event.id,
      stage: 'announcement',
    });
    listings.mockClear();
    await sendNow(a, opened.draftId);
    // The announcement on its way, then heard: the view is derived again, and the flag is gone.
    expect(listings).toHaveBeenCalled();
    expect(await flagsOf(a)).toEqual([]);
  });
});
