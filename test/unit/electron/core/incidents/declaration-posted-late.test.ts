// An incident declared while Slack cannot be reached: its promise counts from when the declaration is posted,
// and the words in Slack, the metadata, the incident and the reminders all agree on that time.
import { describe, expect, it } from 'vitest';
import { promiseAtPost, stampPromise } from '../../../../../electron/core/outbox/promise-from-post.ts';
import type { OutboxItem } from '../../../../../shared/outbox/outbox-item.ts';
import { heraldIdOf, makeOutboxWorld, type OutboxWorld } from '../outbox/outbox-fixture.ts';

const UPDATE = 'operations-engineering-update';
const MINUTE = 60_000;

async function declare(world: OutboxWorld, promiseInMs: number) {
  const { core, clock } = world;
  const promised = new Date(clock.now() + promiseInMs).toISOString();
  const created = await core.router.call('drafts:create', { typeId: 'incidents' });
  if (!created.ok) throw new Error(created.error.message);
  const draft = {
    ...created.value.draft,
    fields: {
      ...created.value.draft.fields,
      service: 'Sentry',
      priority: 'high',
      serviceImpact: 'Errors are not being recorded.',
      actionBeingTaken: 'The team is investigating.',
      nextUpdateAtUtc: promised,
      userActions: 'None',
    },
  };
  const saved = await core.router.call('drafts:save', { draft });
  if (!saved.ok) throw new Error(saved.error.message);
  const sent = await core.router.call('messages:send', { draftId: draft.id, mode: 'now' });
  if (!sent.ok) throw new Error(sent.error.message);
  return { promised, itemId: sent.value.outboxItemId, incidentId: sent.value.incidentId! };
}

async function incidentReminders(world: OutboxWorld) {
  const listed = await world.core.router.call('reminders:list', {});
  if (!listed.ok) throw new Error(listed.error.message);
  return listed.value.reminders.filter((reminder) => reminder.subject.type === 'incident');
}

const slackDateOf = (iso: string) => `<!date^${Math.floor(Date.parse(iso) / 1000)}^`;

describe('a declaration that reaches Slack late', () => {
  it('promises the next update 30 minutes after the post: text, metadata, incident and reminders agree', async () => {
    // Not started: nothing reaches Slack, as while it cannot be reached.
    const world = await makeOutboxWorld({ start: false });
    const { promised, itemId, incidentId } = await declare(world, 30 * MINUTE);
    expect(world.item(itemId)).toMatchObject({ promiseAtUtc: promised, promiseAfterMs: 30 * MINUTE });
    // No one has read the promise yet, so nothing is due.
    expect(await incidentReminders(world)).toEqual([]);

    world.clock.advance(20 * MINUTE);
    world.core.start();
    await world.drive(() => world.item(itemId).state === 'sent');

    const postedAtMs = Date.parse(world.item(itemId).firstAttemptAtUtc!);
    const expected = new Date(postedAtMs - (postedAtMs % MINUTE) + 30 * MINUTE).toISOString();
    expect(Date.parse(expected) - Date.parse(promised)).toBe(20 * MINUTE);
    const item = world.item(itemId);
    expect(item.promiseAtUtc).toBe(expected);
    const [message] = world.heraldMessages(UPDATE);
    expect(message && heraldIdOf(message)).toBe(itemId);
    expect(message!.text).toContain(slackDateOf(expected));
    expect(message!.text).not.toContain(slackDateOf(promised));
    expect(message!.metadata?.event_payload).toMatchObject({ incident: { next_update_at: expected } });
    expect(item.draft?.fields.nextUpdateAtUtc).toBe(expected);

    const incident = await world.core.router.call('incidents:get', { id: incidentId });
    expect(incident.ok && incident.value).toMatchObject({ nextUpdateAtUtc: expected, threadTs: message!.ts });
    expect(incident.ok && incident.value.timeline[0]).toMatchObject({
      kind: 'declared',
      nextUpdateAtUtc: expected,
    });
    const due = (await incidentReminders(world)).find((reminder) => reminder.kind === 'incident_due');
    expect(due).toMatchObject({ dueAtUtc: expected, eventAtUtc: expected });
  });

  it('posts once when the answer is lost, and keeps the promise it posted', async () => {
    const world = await makeOutboxWorld({ start: false });
    const { itemId } = await declare(world, 30 * MINUTE);
    world.clock.advance(7 * MINUTE);
    world.fake.inject('chat.postMessage', { kind: 'drop_after' });
    world.core.start();
    await world.drive(() => world.item(itemId).state === 'sent');

    const messages = world.heraldMessages(UPDATE);
    expect(messages.map(heraldIdOf)).toEqual([itemId]);
    const item = world.item(itemId);
    expect(messages[0]!.text).toContain(slackDateOf(item.promiseAtUtc!));
    expect(messages[0]!.metadata?.event_payload).toMatchObject({
      incident: { next_update_at: item.promiseAtUtc },
    });
    const due = (await incidentReminders(world)).find((reminder) => reminder.kind === 'incident_due');
    expect(due?.dueAtUtc).toBe(item.promiseAtUtc);
  });

  it('keeps a promise the lead rewrote in the outbox as written', async () => {
    const world = await makeOutboxWorld({ start: false });
    const { itemId } = await declare(world, 30 * MINUTE);
    const rewritten = new Date(world.clock.now() + 45 * MINUTE).toISOString();
    const updated = world.core.outbox.update(itemId, { promiseAtUtc: rewritten });
    expect(updated.ok && updated.value).toMatchObject({ promiseAtUtc: rewritten, promiseAfterMs: null });
  });
});

describe('promiseAtPost', () => {
  const queued = { createdAtUtc: '2026-04-20T09:00:20.000Z', promiseAfterMs: 29 * MINUTE + 40_000 };

  it('moves by the whole minutes waited, so a message sent at once keeps the lead’s time', () => {
    const at = (iso: string) => promiseAtPost(queued, Date.parse(iso));
    expect(at('2026-04-20T09:00:21.000Z')).toBe('2026-04-20T09:30:00.000Z');
    expect(at('2026-04-20T09:01:19.000Z')).toBe('2026-04-20T09:30:00.000Z');
    expect(at('2026-04-20T09:20:25.000Z')).toBe('2026-04-20T09:50:00.000Z');
    expect(promiseAtPost({ ...queued, promiseAfterMs: null }, Date.parse('2026-04-20T10:00:00Z'))).toBeNull();
  });

  it('stamps nothing without a re-render, or when the promise has not moved', () => {
    const item = { ...queued, promiseAtUtc: '2026-04-20T09:30:00.000Z' } as OutboxItem;
    const restamp = () => ({ text: 'new', blocks: null, facts: null, draft: null });
    expect(stampPromise(item, Date.parse('2026-04-20T09:20:25Z'), undefined)).toEqual({});
    expect(stampPromise(item, Date.parse('2026-04-20T09:00:30Z'), restamp)).toEqual({});
    expect(stampPromise(item, Date.parse('2026-04-20T09:20:25Z'), restamp)).toEqual({
      ...restamp(),
      promiseAtUtc: '2026-04-20T09:50:00.000Z',
    });
  });
});
