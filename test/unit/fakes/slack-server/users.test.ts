import { describe, expect, it } from 'vitest';
import { SECOND_LEAD_USER_TOKEN } from '../../../fakes/slack-server.ts';
import { slackErrorOf, useFakeSlack } from './fixture.ts';

describe('fake Slack: users.list and users.info', () => {
  const slack = useFakeSlack();

  it('lists everyone, people, bots, deactivated accounts and Slackbot, with their profiles', async () => {
    const answer = await slack.client().users.list({});
    const byId = new Map(answer.members?.map((member) => [member.id, member]));
    expect([...byId.keys()]).toEqual([
      'U0HERALDBOT',
      'U0COMMSLEAD',
      'U0COMMSLD2',
      'U0ENGINEER',
      'U0FORMERLD',
      'USLACKBOT',
    ]);
    expect(byId.get('U0COMMSLD2')).toMatchObject({
      name: 'priya.shah',
      real_name: 'Priya Shah',
      deleted: false,
      is_bot: false,
      profile: {
        display_name: 'Priya (comms)',
        real_name: 'Priya Shah',
        image_72: expect.stringMatching(/^https:/),
      },
    });
    expect(byId.get('U0HERALDBOT')).toMatchObject({ is_bot: true, profile: { bot_id: 'B0HERALD' } });
    expect(byId.get('U0FORMERLD')?.deleted).toBe(true);
    expect(byId.get('U0ENGINEER')?.profile?.display_name).toBe('');
    expect(byId.get('USLACKBOT')?.is_bot).toBe(false);
    expect(answer.response_metadata?.next_cursor).toBe('');
  });

  it('pages with limit and Slack-shaped cursors, and refuses a bad cursor', async () => {
    const client = slack.client();
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await client.users.list({ limit: 4, ...(cursor ? { cursor } : {}) });
      seen.push(...(page.members ?? []).map((member) => member.id!));
      cursor = page.response_metadata?.next_cursor || undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(2);
    expect(seen).toHaveLength(6);
    expect(
      Buffer.from(
        (await client.users.list({ limit: 1 })).response_metadata!.next_cursor!,
        'base64',
      ).toString(),
    ).toBe('user:U0COMMSLEAD');
    expect((await slackErrorOf(client.users.list({ cursor: 'bm9wZQ==' }))).code).toBe('invalid_cursor');
  });

  it('describes one user, or answers user_not_found', async () => {
    const client = slack.client(SECOND_LEAD_USER_TOKEN);
    const info = await client.users.info({ user: 'U0COMMSLEAD' });
    expect(info.user).toMatchObject({
      id: 'U0COMMSLEAD',
      name: 'comms.lead',
      profile: { display_name: 'Comms Lead' },
    });
    expect((await slackErrorOf(client.users.info({ user: 'U0NOBODY' }))).code).toBe('user_not_found');
    expect((await client.auth.test()).user_id).toBe('U0COMMSLD2');
  });
});

describe('fake Slack: users without users:read', () => {
  const slack = useFakeSlack({ botScopes: ['chat:write'] });

  it('answers missing_scope naming users:read', async () => {
    const failure = await slackErrorOf(slack.client().users.list({}));
    expect(failure).toMatchObject({ code: 'missing_scope', data: { needed: 'users:read' } });
  });
});
