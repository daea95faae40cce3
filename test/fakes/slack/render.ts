// Stored state rendered as Slack's JSON objects: conversations and messages
// with the fields Slack sends (and that clients such as Herald read).
import type { Caller } from './access.ts';
import { fileJson } from './files.ts';
import type { ChannelState, Workspace } from './workspace.ts';
import type { PostedMessage, UserSeed } from './types.ts';

export function channelJson(
  workspace: Workspace,
  channel: ChannelState,
  caller: Caller,
): Record<string, unknown> {
  const topicOrPurpose = (value: string) => ({
    value,
    creator: value === '' ? '' : 'U0COMMSLEAD',
    last_set: value === '' ? 0 : channel.createdSec,
  });
  return {
    id: channel.id,
    name: channel.name,
    is_channel: !channel.isPrivate,
    is_group: channel.isPrivate,
    is_im: false,
    is_mpim: false,
    is_private: channel.isPrivate,
    created: channel.createdSec,
    is_archived: channel.isArchived,
    is_general: channel.isGeneral,
    unlinked: 0,
    name_normalized: channel.name,
    is_shared: false,
    is_org_shared: false,
    is_ext_shared: false,
    is_pending_ext_shared: false,
    pending_shared: [],
    context_team_id: workspace.team.id,
    shared_team_ids: [workspace.team.id],
    parent_conversation: null,
    creator: 'U0COMMSLEAD',
    is_member: channel.memberIds.has(caller.user.id),
    topic: topicOrPurpose(channel.topic),
    purpose: topicOrPurpose(channel.purpose),
    previous_names: [],
    num_members: channel.memberIds.size,
  };
}

function botFields(workspace: Workspace, message: PostedMessage): Record<string, unknown> {
  if (message.bot_id === undefined) return {};
  const botUser = workspace.users.get(message.user);
  return {
    bot_id: message.bot_id,
    app_id: message.app_id,
    bot_profile: {
      id: message.bot_id,
      app_id: message.app_id,
      name: botUser?.name ?? 'bot',
      icons: { image_36: 'https://a.slack-edge.com/80588/img/plugins/app/bot_36.png' },
      deleted: false,
      updated: 1_600_000_000,
      team_id: workspace.team.id,
    },
  };
}

function threadFields(workspace: Workspace, message: PostedMessage): Record<string, unknown> {
  if (message.thread_ts === undefined) return {};
  if (message.thread_ts !== message.ts) {
    const parent = workspace.findMessage(message.channel, message.thread_ts);
    return {
      thread_ts: message.thread_ts,
      ...(parent ? { parent_user_id: parent.user } : {}),
      ...(message.reply_broadcast ? { subtype: 'thread_broadcast' } : {}),
    };
  }
  const replies = workspace.threadReplies(message.channel, message.ts);
  const replyUsers = [...new Set(replies.map((reply) => reply.user))];
  return {
    thread_ts: message.ts,
    reply_count: replies.length,
    reply_users_count: replyUsers.length,
    reply_users: replyUsers,
    latest_reply: replies.at(-1)?.ts ?? message.ts,
    is_locked: false,
    subscribed: false,
  };
}

/** A message sharing files carries them as file objects, with `upload: true`, as Slack shows an upload. */
function filesFields(workspace: Workspace, message: PostedMessage): Record<string, unknown> {
  if (!message.files) return {};
  const files = message.files.map((id) => {
    const file = workspace.files.get(id);
    return file ? fileJson(workspace, file) : { id, mode: 'tombstone' };
  });
  return { files, upload: true, display_as_bot: false };
}

/**
 * Without `include_all_metadata` Slack strips the payload but still shows the
 * event type (slackapi/python-slack-sdk#1501: payloads of event types the app
 * has not subscribed to in its manifest are removed, `event_type` is kept).
 */
function metadataFields(message: PostedMessage, includeMetadata: boolean): Record<string, unknown> {
  if (!message.metadata) return {};
  if (includeMetadata) return { metadata: message.metadata };
  return { metadata: { event_type: message.metadata.event_type } };
}

export function messageJson(
  workspace: Workspace,
  message: PostedMessage,
  { includeMetadata }: { includeMetadata: boolean },
): Record<string, unknown> {
  return {
    type: 'message',
    ...(message.subtype ? { subtype: message.subtype } : {}),
    text: message.text,
    user: message.user,
    ts: message.ts,
    team: workspace.team.id,
    ...botFields(workspace, message),
    ...(message.blocks ? { blocks: message.blocks } : {}),
    ...threadFields(workspace, message),
    ...(message.edited ? { edited: message.edited } : {}),
    ...filesFields(workspace, message),
    ...metadataFields(message, includeMetadata),
  };
}

/** An avatar URL per size, as Slack's profile `image_*` fields (the fake's point to Slack's CDN shape, never fetched). */
function avatarFields(user: UserSeed): Record<string, string> {
  const sizes = [24, 32, 48, 72, 192, 512] as const;
  const base = `https://avatars.slack-edge.com/fake/${user.id.toLowerCase()}`;
  return Object.fromEntries(sizes.map((size) => [`image_${size}`, `${base}_${size}.png`]));
}

/** A user object as users.list and users.info return it. */
export function userJson(workspace: Workspace, user: UserSeed): Record<string, unknown> {
  const isBot = user.botId !== undefined;
  const displayName = user.displayName ?? '';
  return {
    id: user.id,
    team_id: workspace.team.id,
    name: user.name,
    deleted: user.isDeleted ?? false,
    color: '9f69e7',
    real_name: user.realName,
    tz: 'Europe/London',
    tz_label: 'Greenwich Mean Time',
    tz_offset: 0,
    profile: {
      real_name: user.realName,
      real_name_normalized: user.realName,
      display_name: displayName,
      display_name_normalized: displayName,
      first_name: user.realName.split(' ')[0] ?? '',
      last_name: user.realName.split(' ').slice(1).join(' '),
      title: '',
      status_text: '',
      status_emoji: '',
      avatar_hash: `g${user.id.toLowerCase().slice(-10)}`,
      ...avatarFields(user),
      ...(isBot ? { bot_id: user.botId, api_app_id: user.appId, always_active: true } : {}),
      team: workspace.team.id,
    },
    is_admin: false,
    is_owner: false,
    is_primary_owner: false,
    is_restricted: false,
    is_ultra_restricted: false,
    // Slack reports Slackbot with is_bot false; clients must check its id.
    is_bot: isBot,
    is_app_user: false,
    updated: 1_600_000_000,
  };
}
