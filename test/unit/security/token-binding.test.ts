// A compromised renderer must not be able to change where the Slack token
// goes, over either transport: the address is not a setting any more, and
// slack:connect accepts only Slack's own hosts (plus the run's command-line
// override, which neither transport here has).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../../fakes/slack-server.ts';
import { settledSnapshot, snapshotStores } from './support/store-snapshot.ts';
import { startHttpTransport, startIpcTransport, type Transport } from './support/transports.ts';

describe.each([
  ['Electron IPC', startIpcTransport],
  ['HTTP harness', startHttpTransport],
] as const)('where the token goes, over %s', (_name, start) => {
  let transport: Transport;
  let evil: FakeSlack;
  beforeAll(async () => {
    transport = await start();
    evil = await startFakeSlack();
    await settledSnapshot(transport.dataDir);
  });
  afterAll(async () => {
    await evil.close();
    await transport.close();
  });

  it('offers only Slack’s own hosts, and refuses every other address for a token, naming the field', async () => {
    const storesBefore = snapshotStores(transport.dataDir);
    expect(await transport.call('slack:status', {})).toMatchObject({
      ok: true,
      value: {
        apiUrl: 'https://slack.com/api/',
        allowedApiUrls: ['https://slack.com/api/', 'https://slack-gov.com/api/'],
      },
    });
    for (const apiUrl of [
      evil.url,
      'https://evil.example/api/',
      'http://slack.com/api/',
      'https://slack.com@evil.example/api/',
    ]) {
      const result = await transport.call('slack:connect', {
        token: evil.botToken,
        apiUrl,
        acceptWeakProtection: true,
      });
      expect(result, apiUrl).toMatchObject({
        ok: false,
        error: { code: 'invalid_argument', fields: ['apiUrl'] },
      });
    }
    for (const patch of [{ slackApiUrl: evil.url }, { slackApiUrl: 'https://evil.example/api/' }]) {
      expect(await transport.call('settings:update', patch)).toMatchObject({
        ok: false,
        error: { code: 'invalid_argument', message: expect.stringContaining('slackApiUrl') },
      });
    }
    expect(evil.requests).toHaveLength(0);
    expect(snapshotStores(transport.dataDir)).toEqual(storesBefore);
  });
});
