// users.list and users.info (scope users:read). users.list pages with
// Slack's cursors (base64 "user:<id>", as in Slack's own examples) and lists
// deactivated accounts too, with `deleted: true`; without a `limit` Slack
// tries to return everyone, and at most 1,000 a page.
import { requireScope } from '../access.ts';
import { stringArg } from '../args.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { readLimit } from '../paging.ts';
import { userJson } from '../render.ts';
import { SlackError } from '../slack-error.ts';
import type { MethodSpec } from './method-context.ts';

const MAX_PAGE = 1000;

export const usersList: MethodSpec = {
  acceptedScopes: ['users:read'],
  handler: ({ workspace, clock, caller, args }) => {
    requireScope(caller, 'users:read');
    const users = [...workspace.users.values()];
    const limit = readLimit(args, MAX_PAGE, MAX_PAGE);
    const cursor = stringArg(args, 'cursor');
    let start = 0;
    if (cursor !== undefined && cursor !== '') {
      const startId = decodeCursor('user', cursor);
      start = users.findIndex((user) => user.id === startId);
      if (start === -1) throw new SlackError('invalid_cursor');
    }
    const page = users.slice(start, start + limit);
    const next = users[start + limit];
    return {
      members: page.map((user) => userJson(workspace, user)),
      cache_ts: clock.nowSec(),
      response_metadata: { next_cursor: next ? encodeCursor('user', next.id) : '' },
    };
  },
};

export const usersInfo: MethodSpec = {
  acceptedScopes: ['users:read'],
  handler: ({ workspace, caller, args }) => {
    requireScope(caller, 'users:read');
    const id = stringArg(args, 'user');
    const user = id === undefined || id === '' ? undefined : workspace.users.get(id.trim());
    if (!user) throw new SlackError('user_not_found');
    return { user: userJson(workspace, user) };
  },
};
