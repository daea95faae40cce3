// Who is calling and what they may do: token checks (not_authed,
// invalid_auth), scope checks (missing_scope with `needed` and `provided`, as
// Slack words them) and channel visibility (a private channel the caller is
// not in does not exist for them: channel_not_found).
import { stringArg, type Args } from './args.ts';
import { SlackError } from './slack-error.ts';
import type { ChannelState, TokenState, Workspace } from './workspace.ts';
import type { UserSeed } from './types.ts';

export interface Caller {
  token: TokenState;
  user: UserSeed;
}

export function authenticate(workspace: Workspace, token: string | undefined): Caller {
  if (token === undefined) throw new SlackError('not_authed');
  const known = workspace.tokens.get(token);
  if (!known) throw new SlackError('invalid_auth');
  if (known.revokedError !== undefined) throw new SlackError(known.revokedError);
  const user = workspace.users.get(known.userId);
  if (!user) throw new SlackError('invalid_auth');
  return { token: known, user };
}

export function hasScope(caller: Caller, scope: string): boolean {
  return caller.token.scopes.includes(scope);
}

export function requireScope(caller: Caller, scope: string): void {
  if (!hasScope(caller, scope)) {
    throw new SlackError('missing_scope', { needed: scope, provided: caller.token.scopes.join(',') });
  }
}

export function isMember(caller: Caller, channel: ChannelState): boolean {
  return channel.memberIds.has(caller.user.id);
}

/** The channel named by an argument, if the caller can see it; else channel_not_found. */
export function visibleChannel(
  workspace: Workspace,
  caller: Caller,
  args: Args,
  name = 'channel',
): ChannelState {
  const ref = stringArg(args, name);
  const channel = ref === undefined || ref.trim() === '' ? undefined : workspace.findChannel(ref);
  if (!channel || (channel.isPrivate && !isMember(caller, channel)))
    throw new SlackError('channel_not_found');
  return channel;
}

/** channels:* for public channels, groups:* for private ones, as Slack splits them. */
export function requireChannelScope(caller: Caller, channel: ChannelState, action: 'read' | 'history'): void {
  requireScope(caller, `${channel.isPrivate ? 'groups' : 'channels'}:${action}`);
}

/** Whether the caller may post here: archived and membership rules of chat.postMessage. */
export function requirePostable(caller: Caller, channel: ChannelState): void {
  if (channel.isArchived) throw new SlackError('is_archived');
  if (isMember(caller, channel)) return;
  const canPostPublicly =
    caller.token.kind === 'bot' && !channel.isPrivate && hasScope(caller, 'chat:write.public');
  if (!canPostPublicly) throw new SlackError('not_in_channel');
}
