import { request } from 'node:http';
import { ErrorCode } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { useFakeSlack } from './fixture.ts';

describe('fake Slack: control API over HTTP', () => {
  const slack = useFakeSlack();

  async function control(
    action: string,
    body?: unknown,
  ): Promise<{ status: number; json: Record<string, unknown> }> {
    const response = await fetch(`${slack.fake.controlUrl}${action}`, {
      method: body === undefined ? 'GET' : 'POST',
      ...(body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  }

  it('answers a health check with the API url', async () => {
    expect(await control('health')).toEqual({ status: 200, json: { ok: true, url: slack.fake.url } });
  });

  it('injects faults, including ones that last ("Infinity" in JSON)', async () => {
    await control('inject', {
      method: 'auth.test',
      fault: { kind: 'slack_error', error: 'invalid_auth' },
      times: 'Infinity',
    });
    const client = slack.client();
    for (let i = 0; i < 2; i += 1) {
      await expect(client.auth.test()).rejects.toMatchObject({
        code: ErrorCode.PlatformError,
        data: { error: 'invalid_auth' },
      });
    }
    await control('clearFaults', {});
    expect((await client.auth.test()).ok).toBe(true);
  });

  it('hands out uploaded files with their bytes as base64', async () => {
    await slack
      .client()
      .filesUploadV2({ channel_id: 'C0OPSENGUPD', filename: 'event.ics', content: 'BEGIN:VCALENDAR' });
    const reply = await control('files');
    expect(reply.json.files).toEqual([
      expect.objectContaining({
        name: 'event.ics',
        content_base64: Buffer.from('BEGIN:VCALENDAR').toString('base64'),
      }),
    ]);
  });

  it('refuses an invalid fault with 400', async () => {
    const reply = await control('inject', { method: 'auth.test', fault: { kind: 'delay' } });
    expect(reply.status).toBe(400);
  });

  it('takes the API offline while the control API keeps answering', async () => {
    expect((await control('setOffline', { offline: true })).json.ok).toBe(true);
    await expect(slack.client().auth.test()).rejects.toMatchObject({ code: ErrorCode.RequestError });
    expect((await control('health')).status).toBe(200);
    await control('setOffline', { offline: false });
    expect((await slack.client().auth.test()).ok).toBe(true);
  });

  it('sets a rate limit', async () => {
    await control('setRateLimit', { method: 'auth.test', perMinute: 1 });
    const client = slack.client();
    await client.auth.test();
    await expect(client.auth.test()).rejects.toMatchObject({ code: ErrorCode.RateLimitedError });
  });

  it('reports messages and requests, filtered by channel and method, and resets', async () => {
    const client = slack.client();
    await client.chat.postMessage({ channel: 'ask-comms', text: 'hello' });
    await client.auth.test();
    const messages = await control('messages?channel=ask-comms');
    expect(messages.json.messages).toEqual([
      expect.objectContaining({ channel: 'C0ASKCOMMS', text: 'hello' }),
    ]);
    const requests = await control('requests?method=chat.postMessage');
    expect(requests.json.requests).toEqual([
      expect.objectContaining({ method: 'chat.postMessage', status: 200 }),
    ]);
    await control('reset', {});
    expect((await control('messages')).json.messages).toEqual([]);
    expect((await control('requests')).json.requests).toEqual([]);
  });

  it('seeds channels and messages and delivers scheduled messages', async () => {
    const added = await control('addChannel', { name: 'incident-room', isBotMember: true });
    expect(added.json.channel).toMatchObject({ name: 'incident-room' });
    await control('addMessage', { channel: 'incident-room', text: 'Anyone seeing errors?' });
    const history = await slack.client().conversations.history({ channel: 'incident-room' });
    expect(history.messages?.map((message) => message.text)).toEqual(['Anyone seeing errors?']);
    const postAt = Math.floor(Date.now() / 1000) + 3600;
    await slack.client().chat.scheduleMessage({ channel: 'incident-room', text: 'Later', post_at: postAt });
    expect((await control('scheduled')).json.scheduled).toHaveLength(1);
    const delivered = await control('deliverScheduled', { nowEpochSec: postAt });
    expect(delivered.json.delivered).toEqual([expect.objectContaining({ text: 'Later' })]);
  });

  it('refuses a POST that is not JSON (a web page could send that) and unknown actions', async () => {
    const notJson = await fetch(`${slack.fake.controlUrl}reset`, {
      method: 'POST',
      body: 'x',
      headers: { 'content-type': 'text/plain' },
    });
    expect(notJson.status).toBe(415);
    expect((await control('explode', {})).status).toBe(404);
  });

  it('refuses callers that do not address it as loopback', async () => {
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const call = request(
        `${slack.fake.controlUrl}health`,
        { headers: { host: 'attacker.example' } },
        (response) => {
          response.resume();
          resolve(response.statusCode);
        },
      );
      call.on('error', reject);
      call.end();
    });
    expect(status).toBe(403);
  });
});
