// conversations.list, conversations.info and conversations.join.
// list pages with Slack's cursors (default 100, at most 1000 a page) and, for
// a private channel, shows it only to its members, as Slack does for bots.
import { isMember, requireChannelScope, requireScope, visibleChannel } from '../access.ts';
import { boolArg, stringArg } from '../args.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { readLimit } from '../paging.ts';
import { channelJson } from '../render.ts';
import { SlackError } from '../slack-error.ts';
import type { ChannelState } from '../workspace.ts';
import type { MethodSpec } from './method-context.ts';

const TYPE_SCOPES: Record<string, string> = {
  public_channel: 'channels:read',
  private_channel: 'groups:read',
  mpim: 'mpim:read',
  im: 'im:read',
};

function readTypes(value: string | undefined): string[] {
  const types = (value ?? 'public_channel')
    .split(',')
    .map((type) => type.trim())
    .filter((type) => type !== '');
  if (types.length === 0) return ['public_channel'];
  if (types.some((type) => !Object.hasOwn(TYPE_SCOPES, type))) throw new SlackError('invalid_types');
  return types;
}

export const conversationsList: MethodSpec = {
  acceptedScopes: ['channels:read', 'groups:read', 'mpim:read', 'im:read'],
  handler: ({ workspace, caller, args }) => {
    const types = readTypes(stringArg(args, 'types'));
    for (const type of types) requireScope(caller, TYPE_SCOPES[type]!);
    const excludeArchived = boolArg(args, 'exclude_archived') ?? false;
    const limit = readLimit(args, 100, 1000);
    const cursor = stringArg(args, 'cursor');
    let start = 0;
    if (cursor !== undefined && cursor !== '') {
      const startId = decodeCursor('team', cursor);
      start = workspace.channels.findIndex((channel) => channel.id === startId);
      if (start === -1) throw new SlackError('invalid_cursor');
    }
    const wanted = (channel: ChannelState) =>
      (channel.isPrivate
        ? types.includes('private_channel') && isMember(caller, channel)
        : types.includes('public_channel')) && !(excludeArchived && channel.isArchived);
    const matching = workspace.channels.slice(start).filter(wanted);
    const page = matching.slice(0, limit);
    const next = matching[limit];
    return {
      channels: page.map((channel) => channelJson(workspace, channel, caller)),
      response_metadata: { next_cursor: next ? encodeCursor('team', next.id) : '' },
    };
  },
};

export const conversationsInfo: MethodSpec = {
  acceptedScopes: ['channels:read', 'groups:read', 'mpim:read', 'im:read'],
  handler: ({ workspace, caller, args }) => {
    const channel = visibleChannel(workspace, caller, args);
    requireChannelScope(caller, channel, 'read');
    return { channel: channelJson(workspace, channel, caller) };
  },
};

export const conversationsJoin: MethodSpec = {
  acceptedScopes: ['channels:join', 'channels:write'],
  handler: ({ workspace, caller, args }) => {
    requireScope(caller, caller.token.kind === 'bot' ? 'channels:join' : 'channels:write');
    const channel = visibleChannel(workspace, caller, args);
    if (channel.isPrivate) throw new SlackError('method_not_supported_for_channel_type');
    if (channel.isArchived) throw new SlackError('is_archived');
    const wasMember = isMember(caller, channel);
    channel.memberIds.add(caller.user.id);
    const body = { channel: channelJson(workspace, channel, caller) };
    if (!wasMember) return body;
    return {
      ...body,
      warning: 'already_in_channel',
      response_metadata: { warnings: ['already_in_channel'] },
    };
  },
};
