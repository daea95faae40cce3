import { describe, expect, it } from 'vitest';
import { rawCall, slackErrorOf, useFakeSlack } from './fixture.ts';

const ics = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'BEGIN:VEVENT',
  'UID:maint-42@herald',
  'SEQUENCE:0',
  'SUMMARY:cert-manager upgrade',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

describe('fake Slack: file upload as filesUploadV2 does it', () => {
  const slack = useFakeSlack();

  it('uploads an .ics into a thread and lets the test read its bytes back', async () => {
    const client = slack.client();
    const parent = await client.chat.postMessage({ channel: 'C0OPSENGUPD', text: 'Maintenance announced' });
    const answer = await client.filesUploadV2({
      channel_id: 'C0OPSENGUPD',
      thread_ts: parent.ts!,
      initial_comment: 'Add it to your calendar',
      filename: 'cert-manager.ics',
      title: 'cert-manager upgrade',
      content: ics,
    });
    expect(answer.ok).toBe(true);
    const [stored] = slack.fake.files();
    expect(stored).toMatchObject({
      name: 'cert-manager.ics',
      title: 'cert-manager upgrade',
      isCompleted: true,
    });
    expect(stored?.content?.toString('utf8')).toBe(ics);

    const replies = await client.conversations.replies({ channel: 'C0OPSENGUPD', ts: parent.ts! });
    const shared = replies.messages?.[1];
    expect(shared).toMatchObject({ text: 'Add it to your calendar', thread_ts: parent.ts, upload: true });
    expect(shared?.files?.[0]).toMatchObject({
      id: stored?.id,
      name: 'cert-manager.ics',
      title: 'cert-manager upgrade',
      mimetype: 'text/calendar',
      size: Buffer.byteLength(ics),
    });
    // A reply stays out of the channel's top level.
    const history = await client.conversations.history({ channel: 'C0OPSENGUPD' });
    expect(history.messages?.map((message) => message.text)).toEqual(['Maintenance announced']);
  });

  it('shares into the channel itself when no thread is given, and files.info describes the share', async () => {
    const client = slack.client();
    await client.filesUploadV2({ channel_id: 'C0OPSENGUPD', filename: 'notes.txt', content: 'hello' });
    const history = await client.conversations.history({ channel: 'C0OPSENGUPD' });
    const fileId = history.messages?.[0]?.files?.[0]?.id;
    expect(fileId).toMatch(/^F/);
    const info = await client.files.info({ file: fileId! });
    expect(info.file).toMatchObject({ id: fileId, name: 'notes.txt', channels: ['C0OPSENGUPD'], size: 5 });
  });

  it('keeps an upload without a channel private: no message anywhere', async () => {
    await slack.client().filesUploadV2({ filename: 'private.txt', content: 'just me' });
    expect(slack.fake.files()).toHaveLength(1);
    expect(slack.fake.messages()).toEqual([]);
  });

  it('deletes a file: files.info answers file_deleted and the message shows a tombstone', async () => {
    const client = slack.client();
    await client.filesUploadV2({ channel_id: 'C0ASKCOMMS', filename: 'old.ics', content: ics });
    const fileId = slack.fake.files()[0]!.id;
    expect((await client.files.delete({ file: fileId })).ok).toBe(true);
    expect((await slackErrorOf(client.files.info({ file: fileId }))).code).toBe('file_deleted');
    expect((await slackErrorOf(client.files.delete({ file: fileId }))).code).toBe('file_deleted');
    const history = await client.conversations.history({ channel: 'C0ASKCOMMS' });
    expect(history.messages?.[0]?.files).toEqual([{ id: fileId, mode: 'tombstone' }]);
    expect((await slackErrorOf(client.files.info({ file: 'F0NOPE' }))).code).toBe('file_not_found');
  });
});

describe('fake Slack: file upload errors', () => {
  const slack = useFakeSlack();

  it('checks getUploadURLExternal arguments as Slack does', async () => {
    const client = slack.client();
    const missing = await rawCall(slack.fake, 'files.getUploadURLExternal', { filename: 'a.txt' });
    expect(missing.json.error).toBe('invalid_arguments');
    expect(
      (await slackErrorOf(client.files.getUploadURLExternal({ filename: 'a.txt', length: 0 }))).code,
    ).toBe('missing_argument');
    const longAlt = await rawCall(slack.fake, 'files.getUploadURLExternal', {
      filename: 'a.png',
      length: 10,
      alt_txt: 'x'.repeat(1001),
    });
    expect(longAlt.json.error).toBe('alt_txt_too_large');
    const snippet = await rawCall(slack.fake, 'files.getUploadURLExternal', {
      filename: 'a.py',
      length: 1024 * 1024 + 1,
      snippet_type: 'python',
    });
    expect(snippet.json.error).toBe('snippet_too_large');
  });

  it('serves the upload URL on 127.0.0.1 and refuses bytes that do not match the announced length', async () => {
    const client = slack.client();
    const ticket = await client.files.getUploadURLExternal({ filename: 'a.txt', length: 5 });
    expect(ticket.upload_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/upload\/v1\//);
    const wrong = await fetch(ticket.upload_url!, { method: 'POST', body: 'too long' });
    expect(wrong.status).toBe(400);
    const raw = await fetch(ticket.upload_url!, { method: 'POST', body: 'hello' });
    expect(raw.status).toBe(200);
    const done = await client.files.completeUploadExternal({ files: [{ id: ticket.file_id! }] });
    expect(done.files?.[0]).toMatchObject({ id: ticket.file_id, title: 'a.txt' });
    expect(
      (await fetch(`${slack.fake.url.replace('/api/', '')}/upload/v1/nope`, { method: 'POST', body: 'x' }))
        .status,
    ).toBe(404);
  });

  it('answers file_not_found when completing a file that was never uploaded, or twice', async () => {
    const client = slack.client();
    const ticket = await client.files.getUploadURLExternal({ filename: 'a.txt', length: 5 });
    const never = await slackErrorOf(
      client.files.completeUploadExternal({ files: [{ id: ticket.file_id! }] }),
    );
    expect(never.code).toBe('file_not_found');
    await fetch(ticket.upload_url!, { method: 'POST', body: 'hello' });
    await client.files.completeUploadExternal({ files: [{ id: ticket.file_id! }] });
    const twice = await slackErrorOf(
      client.files.completeUploadExternal({ files: [{ id: ticket.file_id! }] }),
    );
    expect(twice.code).toBe('file_not_found');
    const noFiles = await rawCall(slack.fake, 'files.completeUploadExternal', { channel_id: 'C0ASKCOMMS' });
    expect(noFiles.json.error).toBe('invalid_arguments');
  });

  it('refuses to share where the bot is not a member (not_in_channel) or cannot see (channel_not_found)', async () => {
    const client = slack.client();
    const notMember = await slackErrorOf(
      client.filesUploadV2({ channel_id: 'C0CHAT', filename: 'a.txt', content: 'hello' }),
    );
    expect(notMember.code).toBe('not_in_channel');
    const hidden = await slackErrorOf(
      client.filesUploadV2({ channel_id: 'G0OPSENGLEADS', filename: 'a.txt', content: 'hello' }),
    );
    expect(hidden.code).toBe('channel_not_found');
    expect(slack.fake.messages()).toEqual([]);
  });

  it("refuses to complete someone else's upload (access_denied) and needs files:write", async () => {
    const mine = await slack.client().files.getUploadURLExternal({ filename: 'a.txt', length: 5 });
    await fetch(mine.upload_url!, { method: 'POST', body: 'hello' });
    const theirs = await slackErrorOf(
      slack.client(slack.fake.userToken).files.completeUploadExternal({ files: [{ id: mine.file_id! }] }),
    );
    expect(theirs.code).toBe('access_denied');
  });
});

describe('fake Slack: files without the scope', () => {
  const slack = useFakeSlack({ botScopes: ['chat:write', 'channels:read'] });

  it('answers missing_scope naming files:write', async () => {
    const failure = await slackErrorOf(
      slack.client().files.getUploadURLExternal({ filename: 'a.txt', length: 1 }),
    );
    expect(failure).toMatchObject({ code: 'missing_scope', data: { needed: 'files:write' } });
  });
});
