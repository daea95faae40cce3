// The outbox's edit kind: chat.update of a message Herald already posted,
// queued like a send (in its channel's line, offline-safe, exactly once),
// with History keeping every earlier text of the message.
import { describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../../../../shared/outbox/outbox-item.ts';
import { enqueue, heraldIdOf, makeOutboxWorld, type OutboxWorld } from './outbox-fixture.ts';

const UPDATE = 'operations-engineering-update';

function edit(world: OutboxWorld, target: OutboxItem, text: string, purpose: 'correction' | 'headline') {
  const queued = world.core.outbox.enqueueEdit({
    target: {
      itemId: target.id,
      channelId: target.channelId!,
      channelName: target.channelName,
      ts: target.ts!,
    },
    purpose,
    text,
  });
  if (!queued.ok) throw new Error(queued.error.message);
  return queued.value;
}

async function sentPost(world: OutboxWorld, text: string): Promise<OutboxItem> {
  const item = enqueue(world, { channel: UPDATE, text });
  await world.drive(() => world.item(item.id).state === 'sent');
  return world.item(item.id);
}

const updatesOf = (world: OutboxWorld) =>
  world.fake.requests.filter((request) => request.method === 'chat.update' && request.status === 200);

describe('outbox edits', () => {
  it('edits the message in Slack in place and History keeps the earlier text as a version', async () => {
    const world = await makeOutboxWorld();
    const posted = await sentPost(world, 'Next update by 14:30');

    const correction = edit(world, posted, 'Next update by 14:45', 'correction');
    await world.drive(() => world.item(correction.id).state === 'sent');

    const [message] = world.heraldMessages(UPDATE);
    expect(message).toMatchObject({ ts: posted.ts, text: 'Next update by 14:45', edited: {} });
    // The edit keeps the message's herald_id (metadata left out of chat.update is kept).
    expect(heraldIdOf(message!)).toBe(posted.id);
    expect(world.item(correction.id)).toMatchObject({ state: 'sent', ts: posted.ts, kind: 'edit' });
    const entry = world.core.history.get(posted.id);
    expect(entry).toMatchObject({ text: 'Next update by 14:45', editedAtUtc: expect.any(String) });
    expect(entry?.versions).toEqual([
      expect.objectContaining({ text: 'Next update by 14:30', editId: correction.id, purpose: 'correction' }),
    ]);
    // The edit is no History entry of its own.
    expect(world.core.history.get(correction.id)).toBeUndefined();
    expect(updatesOf(world)).toHaveLength(1);
  });

  it('queues an edit while offline and applies it once, after the earlier send to the same channel', async () => {
    const world = await makeOutboxWorld();
    const posted = await sentPost(world, 'Declared');
    world.fake.setOffline(true);
    const reply = enqueue(world, { channel: UPDATE, text: 'Update 1', threadTs: posted.ts! });
    const headline = edit(world, posted, 'Declared · Identified', 'headline');
    await world.drive(() => world.core.outbox.connection().state === 'offline');
    await world.drive(() => false, { stepMs: 5_000, maxSimulatedMs: 2 * 60_000 }).catch(() => undefined);
    expect(world.item(headline.id).state).toBe('queued');
    expect(world.item(reply.id).state).toBe('queued');

    world.fake.setOffline(false);
    await world.drive(() => world.item(headline.id).state === 'sent');

    const order = world.fake.requests
      .filter(
        (request) => request.status === 200 && ['chat.postMessage', 'chat.update'].includes(request.method),
      )
      .map((request) => `${request.method} ${String(request.args.text)}`);
    expect(order).toEqual([
      'chat.postMessage Declared',
      'chat.postMessage Update 1',
      'chat.update Declared · Identified',
    ]);
    expect(world.heraldMessages(UPDATE).find((message) => message.ts === posted.ts)?.text).toBe(
      'Declared · Identified',
    );
  });

  it('a newer edit of the same message replaces one still waiting', async () => {
    const world = await makeOutboxWorld();
    const posted = await sentPost(world, 'Investigating');
    world.fake.setOffline(true);
    const older = edit(world, posted, 'Identified', 'headline');
    await world.drive(() => world.core.outbox.connection().state === 'offline');
    const newer = edit(world, posted, 'Monitoring', 'headline');
    expect(world.item(older.id)).toMatchObject({ state: 'cancelled', problem: { code: 'superseded' } });

    world.fake.setOffline(false);
    await world.drive(() => world.item(newer.id).state === 'sent');
    expect(updatesOf(world).map((request) => request.args.text)).toEqual(['Monitoring']);
  });

  it('does not apply an edit twice when the answer to the first attempt was lost', async () => {
    const world = await makeOutboxWorld();
    const posted = await sentPost(world, 'Resolved at 15:02');
    world.fake.inject('chat.update', { kind: 'drop_after' });
    const correction = edit(world, posted, 'Resolved at 15:04', 'correction');
    await world.drive(() => world.item(correction.id).state === 'sent');

    expect(world.item(correction.id)).toMatchObject({ attempts: 1, isOutcomeUnclear: false });
    expect(world.fake.requests.filter((request) => request.method === 'chat.update')).toHaveLength(1);
    expect(world.fake.requests.some((request) => request.method === 'conversations.history')).toBe(true);
    expect(world.core.history.get(posted.id)?.versions).toHaveLength(1);
  });

  it('fails with Slack’s reason when the message can no longer be edited, leaving History as it was', async () => {
    const world = await makeOutboxWorld({ fake: { team: { editWindowMinutes: 30 } } });
    const posted = await sentPost(world, 'Sent an hour ago');
    world.clock.advance(60 * 60_000);
    const late = edit(world, posted, 'Too late', 'correction');
    await world.drive(() => world.item(late.id).state === 'failed');

    expect(world.item(late.id).problem).toMatchObject({ code: 'edit_window_closed' });
    expect(world.heraldMessages(UPDATE)[0]?.text).toBe('Sent an hour ago');
    expect(world.core.history.get(posted.id)).toMatchObject({ text: 'Sent an hour ago', versions: [] });
  });

  it('refuses to move an edit to another channel or time', async () => {
    const world = await makeOutboxWorld({ start: false });
    const fakeTarget = {
      id: 'posted',
      channelId: 'C0OPSENGUPD',
      channelName: UPDATE,
      ts: '1776942000.000100',
    };
    const queued = edit(world, fakeTarget as OutboxItem, 'New text', 'correction');
    const moved = world.core.outbox.update(queued.id, { channel: 'ask-comms' });
    expect(moved.ok).toBe(false);
    expect(world.core.outbox.update(queued.id, { text: 'Newer text' })).toMatchObject({
      ok: true,
      value: { text: 'Newer text' },
    });
  });

  it('refuses a malformed request or a promise already passed, for a send and an edit alike, queuing nothing', async () => {
    const world = await makeOutboxWorld();
    const posted = await sentPost(world, 'Next update by 14:30');
    const before = world.core.outbox.list().total;
    const past = new Date(world.clock.now() - 60_000).toISOString();
    const target = {
      itemId: posted.id,
      channelId: posted.channelId!,
      channelName: posted.channelName,
      ts: posted.ts!,
    };
    expect(world.core.outbox.enqueue({ channel: UPDATE, text: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', fields: ['text'] },
    });
    expect(world.core.outbox.enqueue({ channel: UPDATE, text: 'Late', promiseAtUtc: past })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', fields: ['promiseAtUtc'] },
    });
    expect(world.core.outbox.enqueueEdit({ target, purpose: 'nonsense' as never, text: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', fields: ['purpose'] },
    });
    expect(
      world.core.outbox.enqueueEdit({ target, purpose: 'correction', text: 'Late', promiseAtUtc: past }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_argument', fields: ['promiseAtUtc'] } });
    expect(world.core.outbox.list().total).toBe(before);
  });

  it('offline: edits and removals keep their places among the sends to the same channel, each once', async () => {
    const world = await makeOutboxWorld();
    const posted = await sentPost(world, 'Declared');
    const announcement = enqueue(world, {
      channel: UPDATE,
      text: 'When: Wed 23 Dec',
      scheduleForUtc: new Date(world.clock.now() + 24 * 60 * 60_000).toISOString(),
    });
    await world.drive(() => world.item(announcement.id).state === 'scheduled');

    world.fake.setOffline(true);
    const first = enqueue(world, { channel: UPDATE, text: 'Update 1', threadTs: posted.ts! });
    const removal = world.core.outbox.enqueueDeletion(announcement.id);
    if (!removal.ok) throw new Error(removal.error.message);
    const headline = edit(world, posted, 'Declared · Identified', 'headline');
    // An edit of a message that is itself still queued: it waits for that message.
    const queuedEdit = world.core.outbox.enqueueEdit({
      target: { itemId: first.id },
      purpose: 'correction',
      text: 'Update 1 (corrected)',
    });
    if (!queuedEdit.ok) throw new Error(queuedEdit.error.message);
    expect(queuedEdit.value).toMatchObject({ waitsFor: first.id, editOf: { itemId: first.id, ts: null } });
    const second = enqueue(world, { channel: UPDATE, text: 'Update 2', threadTs: posted.ts! });
    await world.drive(() => world.core.outbox.connection().state === 'offline');
    await world.drive(() => false, { stepMs: 5_000, maxSimulatedMs: 2 * 60_000 }).catch(() => undefined);
    for (const id of [first.id, removal.value.id, headline.id, queuedEdit.value.id, second.id])
      expect(world.item(id).state).toBe('queued');

    world.fake.setOffline(false);
    await world.drive(() => world.item(second.id).state === 'sent');
    const order = world.fake.requests
      .filter(
        (request) =>
          request.status === 200 &&
          ['chat.postMessage', 'chat.update', 'chat.deleteScheduledMessage'].includes(request.method),
      )
      .map((request) =>
        typeof request.args.text === 'string' ? `${request.method} ${request.args.text}` : request.method,
      );
    expect(order).toEqual([
      'chat.postMessage Declared',
      'chat.postMessage Update 1',
      'chat.deleteScheduledMessage',
      'chat.update Declared · Identified',
      'chat.update Update 1 (corrected)',
      'chat.postMessage Update 2',
    ]);
    const replies = world.heraldMessages(UPDATE).filter((message) => message.ts !== posted.ts);
    expect(replies.map((message) => message.text)).toEqual(['Update 1 (corrected)', 'Update 2']);
    expect(world.fake.scheduled()).toEqual([]);
    expect(world.item(queuedEdit.value.id)).toMatchObject({
      state: 'sent',
      editOf: { ts: world.item(first.id).ts },
    });
    expect(world.core.history.get(first.id)?.versions.map((version) => version.text)).toEqual(['Update 1']);
  });

  it('an edit of a queued message is dropped with it, and one of a message never sent is refused', async () => {
    const world = await makeOutboxWorld();
    world.fake.setOffline(true);
    const doomed = enqueue(world, { channel: UPDATE, text: 'Declared (typo)' });
    const queuedEdit = world.core.outbox.enqueueEdit({
      target: { itemId: doomed.id },
      purpose: 'correction',
      text: 'Declared',
    });
    if (!queuedEdit.ok) throw new Error(queuedEdit.error.message);
    const cancelled = await world.core.outbox.cancel(doomed.id);
    expect(cancelled.ok).toBe(true);
    world.fake.setOffline(false);
    await world.drive(() => world.item(queuedEdit.value.id).state === 'cancelled');
    expect(world.item(queuedEdit.value.id).problem).toMatchObject({ code: 'prerequisite_failed' });
    expect(world.fake.requests.filter((request) => request.method === 'chat.update')).toEqual([]);

    expect(
      world.core.outbox.enqueueEdit({ target: { itemId: doomed.id }, purpose: 'correction', text: 'x' }),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(
      world.core.outbox.enqueueEdit({ target: { itemId: 'nothing' }, purpose: 'correction', text: 'x' }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
