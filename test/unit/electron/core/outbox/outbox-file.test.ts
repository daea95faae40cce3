// The outbox's `file` items: a maintenance announcement's calendar file,
// uploaded with the real WebClient's filesUploadV2 into the fake Slack, in
// the announcement's thread once the announcement is there; exactly once
// after a lost answer and across a restart mid-upload (the thread is read for
// the file's title first), queued while offline, dropped with its message.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSameSlack } from '../../../../../electron/core/slack/slack-client.ts';
import type { OutboxFile } from '../../../../../shared/outbox/outbox-file.ts';
import type { OutboxItem } from '../../../../../shared/outbox/outbox-item.ts';
import { enqueue, makeOutboxWorld, type OutboxWorld } from './outbox-fixture.ts';

const UPDATE = 'operations-engineering-update';

function calendarFile(sequence: number, method: 'PUBLISH' | 'CANCEL' = 'PUBLISH'): OutboxFile {
  return {
    name: 'certificate-manager-upgrade.ics',
    title: `Add to calendar: Certificate Manager Upgrade${sequence > 0 ? ` (revision ${sequence})` : ''}`,
    content: `BEGIN:VCALENDAR\r\nMETHOD:${method}\r\nUID:ev-1@herald\r\nSEQUENCE:${sequence}\r\nEND:VCALENDAR\r\n`,
    calendar: {
      uid: 'ev-1@herald',
      sequence,
      method,
      startsAtUtc: '2026-04-23T11:00:00.000Z',
      endsAtUtc: '2026-04-23T16:00:00.000Z',
    },
  };
}

async function onlineWorld(options: Parameters<typeof makeOutboxWorld>[0] = {}): Promise<OutboxWorld> {
  const world = await makeOutboxWorld(options);
  await world.drive(() => world.core.outbox.connection().state === 'online');
  return world;
}

function fileWith(world: OutboxWorld, withItemId: string, sequence = 0): OutboxItem {
  const queued = world.core.outbox.enqueueFile({
    withItemId,
    file: calendarFile(sequence),
    comment: '📅 Add Certificate Manager Upgrade to your calendar: open this file.',
    source: { eventId: 'ev-1' },
  });
  if (!queued.ok) throw new Error(queued.error.message);
  return queued.value;
}

const completions = (world: OutboxWorld) =>
  world.fake.requests.filter((request) => request.method === 'files.completeUploadExternal');
const sharedFiles = (world: OutboxWorld) => world.fake.files().filter((file) => file.shares.length > 0);

describe('a calendar file in the announcement’s thread', () => {
  it('waits for the announcement, then uploads the file into its thread through filesUploadV2', async () => {
    const world = await onlineWorld();
    world.fake.setOffline(true);
    const announcement = enqueue(world, { channel: UPDATE, text: 'Certificate Manager Upgrade: Thu 23 Apr' });
    const file = fileWith(world, announcement.id);
    expect(file).toMatchObject({ kind: 'file', waitsFor: announcement.id, threadTs: null, state: 'queued' });
    world.fake.setOffline(false);
    await world.drive(() => world.item(file.id).state === 'sent', { stepMs: 1_000 });

    const posted = world.item(announcement.id);
    expect(world.item(file.id)).toMatchObject({ threadTs: posted.ts, channelId: 'C0OPSENGUPD' });
    expect(world.fake.requests.map((request) => request.method)).toEqual(
      expect.arrayContaining(['files.getUploadURLExternal', 'files.completeUploadExternal']),
    );
    expect(completions(world)).toHaveLength(1);
    expect(completions(world)[0]?.args).toMatchObject({ channel_id: 'C0OPSENGUPD', thread_ts: posted.ts });
    const [stored] = sharedFiles(world);
    expect(stored).toMatchObject({ name: 'certificate-manager-upgrade.ics', title: calendarFile(0).title });
    expect(stored?.content?.toString()).toBe(calendarFile(0).content);
    expect(stored?.shares[0]).toMatchObject({ channel: 'C0OPSENGUPD', thread_ts: posted.ts });
    // The reply in the thread is the upload, with the words posted with it.
    const reply = world.fake.messages(UPDATE).find((message) => message.ts === world.item(file.id).ts);
    expect(reply).toMatchObject({ thread_ts: posted.ts, files: [stored?.id] });
    expect(reply?.text).toContain('Add Certificate Manager Upgrade');
  });

  it('uploads exactly once when Slack shared the file but the answer was lost', async () => {
    const world = await onlineWorld();
    const announcement = enqueue(world, { channel: UPDATE, text: 'Certificate Manager Upgrade' });
    await world.drive(() => world.item(announcement.id).state === 'sent');
    world.fake.inject('files.completeUploadExternal', { kind: 'drop_after' });
    const file = fileWith(world, announcement.id);
    await world.drive(() => world.item(file.id).state === 'sent', { stepMs: 1_000 });
    expect(completions(world)).toHaveLength(1);
    expect(sharedFiles(world)).toHaveLength(1);
    // The second look read the thread rather than uploading again.
    expect(world.fake.requests.some((request) => request.method === 'conversations.replies')).toBe(true);
    expect(world.item(file.id).ts).toBe(sharedFiles(world)[0]?.shares[0]?.ts);
  });

  it('uploads again when the lost attempt never shared the file (an upload not completed is private)', async () => {
    const world = await onlineWorld();
    const announcement = enqueue(world, { channel: UPDATE, text: 'Certificate Manager Upgrade' });
    await world.drive(() => world.item(announcement.id).state === 'sent');
    world.fake.inject('files.completeUploadExternal', { kind: 'drop_before' });
    const file = fileWith(world, announcement.id);
    await world.drive(() => world.item(file.id).state === 'sent', { stepMs: 1_000 });
    expect(sharedFiles(world)).toHaveLength(1);
    expect(world.fake.files().filter((stored) => !stored.isCompleted)).toHaveLength(1);
  });

  it('after a crash mid-upload, reads the thread before uploading again', async () => {
    const first = await onlineWorld();
    const announcement = enqueue(first, { channel: UPDATE, text: 'Certificate Manager Upgrade' });
    await first.drive(() => first.item(announcement.id).state === 'sent');
    first.fake.inject('files.completeUploadExternal', { kind: 'delay', ms: 300 });
    const file = fileWith(first, announcement.id);
    await first.drive(() => first.item(file.id).state === 'sending', { stepMs: 1 });
    await first.core.outbox.synced();
    // The disk as a process killed now would leave it: the file `sending`; Slack completes the upload.
    const crashedDir = mkdtempSync(join(tmpdir(), 'herald-crashed-file-'));
    cpSync(first.dataDir, crashedDir, { recursive: true });
    await first.drive(() => first.item(file.id).state === 'sent', { stepMs: 1 });
    first.core.stop();

    const second = await makeOutboxWorld({
      dataDir: crashedDir,
      reuseFake: first.fake,
      startMs: first.clock.now(),
      start: false,
    });
    expect(second.item(file.id)).toMatchObject({ state: 'queued', isOutcomeUnclear: true });
    second.core.start();
    await second.drive(() => second.item(file.id).state === 'sent', { stepMs: 1_000 });
    expect(completions(second)).toHaveLength(1);
    expect(sharedFiles(second)).toHaveLength(1);
  });

  it('is dropped, with the reason, when its announcement is cancelled before it reaches Slack', async () => {
    const world = await onlineWorld();
    world.fake.setOffline(true);
    const announcement = enqueue(world, { channel: UPDATE, text: 'Certificate Manager Upgrade' });
    const file = fileWith(world, announcement.id);
    expect((await world.core.outbox.cancel(announcement.id)).ok).toBe(true);
    world.fake.setOffline(false);
    await world.drive(() => world.item(file.id).state === 'cancelled', { stepMs: 1_000 });
    expect(world.item(file.id).problem).toMatchObject({ code: 'message_not_posted' });
    expect(world.fake.files()).toEqual([]);
  });

  it('a newer calendar version replaces one still waiting; each version in Slack has its own title', async () => {
    const world = await onlineWorld();
    world.fake.setOffline(true);
    const announcement = enqueue(world, { channel: UPDATE, text: 'Certificate Manager Upgrade' });
    const first = fileWith(world, announcement.id, 0);
    const second = fileWith(world, announcement.id, 1);
    expect(world.item(first.id)).toMatchObject({ state: 'cancelled', problem: { code: 'superseded' } });
    world.fake.setOffline(false);
    await world.drive(() => world.item(second.id).state === 'sent', { stepMs: 1_000 });
    expect(sharedFiles(world).map((stored) => stored.title)).toEqual([calendarFile(1).title]);
  });

  it('refuses a file for a message that will never be in Slack, and cannot be edited like a message', async () => {
    const world = await onlineWorld();
    world.fake.setOffline(true);
    const announcement = enqueue(world, { channel: UPDATE, text: 'Certificate Manager Upgrade' });
    const file = fileWith(world, announcement.id);
    expect(world.core.outbox.update(file.id, { text: 'other' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    await world.core.outbox.cancel(announcement.id);
    expect(
      world.core.outbox.enqueueFile({ withItemId: announcement.id, file: calendarFile(0), comment: 'x' }),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(
      world.core.outbox.enqueueFile({ withItemId: 'nope', file: calendarFile(0), comment: 'x' }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('where the token may go', () => {
  it('to the connected API’s own origin, or to another https host of the same Slack (its upload host)', () => {
    expect(isSameSlack('https://files.slack.com/upload/v1/abc', 'https://slack.com/api/')).toBe(true);
    expect(isSameSlack('https://slack.com/api/files.completeUploadExternal', 'https://slack.com/api/')).toBe(
      true,
    );
    expect(isSameSlack('http://127.0.0.1:4000/upload/v1/abc', 'http://127.0.0.1:4000/api/')).toBe(true);
    expect(isSameSlack('https://files.evil.example/upload', 'https://slack.com/api/')).toBe(false);
    expect(isSameSlack('https://slack.com.evil.example/upload', 'https://slack.com/api/')).toBe(false);
    expect(isSameSlack('http://files.slack.com/upload', 'https://slack.com/api/')).toBe(false);
    expect(isSameSlack('http://127.0.0.1:4001/upload/v1/abc', 'http://127.0.0.1:4000/api/')).toBe(false);
    expect(isSameSlack('not a url', 'https://slack.com/api/')).toBe(false);
  });
});
