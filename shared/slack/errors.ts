// Every Slack error Herald can meet, as a plain sentence and a suggested fix.
// Keyed by Slack's own error code (the `error` field of a failed response),
// plus Herald's names for transport failures.

export interface SlackErrorExplanation {
  message: string;
  fix: string;
  /** True when trying again later can succeed without the user changing anything. */
  isTransient: boolean;
}

const explanations: Record<string, SlackErrorExplanation> = {
  not_authed: {
    message: 'Slack did not receive a token.',
    fix: 'Connect Slack again in Settings.',
    isTransient: false,
  },
  invalid_auth: {
    message: 'Slack did not accept the token.',
    fix: 'Check you copied the whole token, or create a new one, then connect again.',
    isTransient: false,
  },
  account_inactive: {
    message: 'The Slack account or app behind this token has been deactivated.',
    fix: 'Ask a workspace admin to reinstall the Herald app, then connect with the new token.',
    isTransient: false,
  },
  token_revoked: {
    message: 'This token has been revoked.',
    fix: 'Reinstall the Herald app in Slack and connect with the new token.',
    isTransient: false,
  },
  token_expired: {
    message: 'This token has expired.',
    fix: 'Create a new token and connect again.',
    isTransient: false,
  },
  no_permission: {
    message: 'The token is not allowed to do this.',
    fix: 'Ask a workspace admin to check the Herald app’s permissions.',
    isTransient: false,
  },
  missing_scope: {
    message: 'The Slack app is missing a permission (scope) Herald needs.',
    fix: 'Add the scope in the Slack app settings (see the manifest in Herald’s README), reinstall, and reconnect.',
    isTransient: false,
  },
  ekm_access_denied: {
    message: 'Your workspace’s key management blocked this request.',
    fix: 'Ask a workspace admin.',
    isTransient: false,
  },
  team_access_not_granted: {
    message: 'The token has no access to this workspace.',
    fix: 'Install the Herald app in the workspace, then connect again.',
    isTransient: false,
  },
  channel_not_found: {
    message: 'Slack cannot find that channel (or the app cannot see it).',
    fix: 'Check the channel name in the plan, or invite the Herald app to the private channel.',
    isTransient: false,
  },
  not_in_channel: {
    message: 'The Herald app is not a member of that channel.',
    fix: 'In Slack, type /invite @Herald in the channel, then send again.',
    isTransient: false,
  },
  is_archived: {
    message: 'That channel is archived.',
    fix: 'Choose another channel or ask for it to be unarchived.',
    isTransient: false,
  },
  msg_too_long: {
    message: 'The message is longer than Slack allows.',
    fix: 'Shorten the message or split it into a thread.',
    isTransient: false,
  },
  no_text: {
    message: 'The message has no text.',
    fix: 'Write something before sending.',
    isTransient: false,
  },
  invalid_blocks: {
    message: 'Slack rejected the message layout.',
    fix: 'Send again; if it keeps failing, copy the text and report the problem.',
    isTransient: false,
  },
  invalid_metadata_format: {
    message: 'Slack rejected the message’s tracking data.',
    fix: 'Report this problem; the message was not sent.',
    isTransient: false,
  },
  restricted_action: {
    message: 'A workspace setting prevents posting to this channel.',
    fix: 'Ask a workspace admin, or post to another channel.',
    isTransient: false,
  },
  cant_update_message: {
    message: 'This message can no longer be edited.',
    fix: 'Post a correction in the thread instead.',
    isTransient: false,
  },
  message_not_found: {
    message: 'Slack cannot find that message.',
    fix: 'It may have been deleted; post it again.',
    isTransient: false,
  },
  thread_not_found: {
    message: 'Slack cannot find the thread to reply to.',
    fix: 'The first message may have been deleted; post the update as a new message.',
    isTransient: false,
  },
  time_in_past: {
    message: 'The scheduled time is in the past.',
    fix: 'Choose a time in the future.',
    isTransient: false,
  },
  time_too_far: {
    message: 'Slack only schedules messages up to 120 days ahead.',
    fix: 'Choose an earlier time, or keep it as a draft.',
    isTransient: false,
  },
  invalid_scheduled_message_id: {
    message: 'That scheduled message no longer exists in Slack.',
    fix: 'It may already have been sent or cancelled; check the channel.',
    isTransient: false,
  },
  ratelimited: {
    message: 'Slack asked Herald to slow down.',
    fix: 'Nothing to do: the outbox waits and sends again.',
    isTransient: true,
  },
  rate_limited: {
    message: 'Slack asked Herald to slow down.',
    fix: 'Nothing to do: the outbox waits and sends again.',
    isTransient: true,
  },
  internal_error: {
    message: 'Slack had an internal error.',
    fix: 'Nothing to do: Herald tries again shortly.',
    isTransient: true,
  },
  fatal_error: {
    message: 'Slack had a serious error.',
    fix: 'Herald tries again shortly; check status.slack.com if it persists.',
    isTransient: true,
  },
  service_unavailable: {
    message: 'Slack is unavailable right now.',
    fix: 'Herald tries again shortly.',
    isTransient: true,
  },
  request_timeout: {
    message: 'Slack took too long to answer.',
    fix: 'Herald checks whether the message arrived before trying again.',
    isTransient: true,
  },
  unknown_method: {
    message: 'This Slack server does not know a method Herald uses.',
    fix: 'Check the Slack API address in Settings.',
    isTransient: false,
  },
  // Posting, scheduling and editing (chat.*).
  invalid_arguments: {
    message: 'Slack did not accept the request’s details.',
    fix: 'Send again; if it keeps failing, copy the text and report the problem.',
    isTransient: false,
  },
  invalid_arg_name: {
    message: 'Slack did not accept the request’s details.',
    fix: 'Report this problem; the message was not sent.',
    isTransient: false,
  },
  invalid_array_arg: {
    message: 'Slack did not accept the request’s details.',
    fix: 'Report this problem; the message was not sent.',
    isTransient: false,
  },
  invalid_charset: {
    message: 'Slack could not read the message’s characters.',
    fix: 'Remove unusual characters and send again.',
    isTransient: false,
  },
  invalid_form_data: {
    message: 'Slack could not read the request.',
    fix: 'Report this problem; the message was not sent.',
    isTransient: false,
  },
  invalid_post_type: {
    message: 'Slack could not read the request.',
    fix: 'Report this problem; the message was not sent.',
    isTransient: false,
  },
  missing_post_type: {
    message: 'Slack could not read the request.',
    fix: 'Report this problem; the message was not sent.',
    isTransient: false,
  },
  invalid_json: {
    message: 'Slack could not read the request.',
    fix: 'Report this problem; the message was not sent.',
    isTransient: false,
  },
  json_not_object: {
    message: 'Slack could not read the request.',
    fix: 'Report this problem; the message was not sent.',
    isTransient: false,
  },
  invalid_blocks_format: {
    message: 'Slack rejected the message layout.',
    fix: 'Send again; if it keeps failing, copy the text and report the problem.',
    isTransient: false,
  },
  too_many_attachments: {
    message: 'The message has more attachments than Slack allows.',
    fix: 'Remove some attachments and send again.',
    isTransient: false,
  },
  message_limit_exceeded: {
    message: 'Slack’s message limit for this workspace has been reached.',
    fix: 'Ask a workspace admin about the plan’s limits.',
    isTransient: false,
  },
  duplicate_channel_not_found: {
    message: 'Slack cannot find that channel.',
    fix: 'Check the channel name in the plan.',
    isTransient: false,
  },
  not_allowed_token_type: {
    message: 'This kind of token cannot do this.',
    fix: 'Connect Herald with a bot token (xoxb-).',
    isTransient: false,
  },
  as_user_not_supported: {
    message: 'Slack does not allow posting as a user with this token.',
    fix: 'Connect Herald with a bot token (xoxb-).',
    isTransient: false,
  },
  slack_connect_file_link_sharing_blocked: {
    message: 'Links can’t be shared in this Slack Connect channel.',
    fix: 'Remove the file links and send again.',
    isTransient: false,
  },
  team_not_found: {
    message: 'Slack cannot find the workspace for this channel.',
    fix: 'Check the channel, or connect Herald to the right workspace.',
    isTransient: false,
  },
  channel_is_archived: {
    message: 'That channel is archived.',
    fix: 'Choose another channel or ask for it to be unarchived.',
    isTransient: false,
  },
  cant_delete_message: {
    message: 'This message cannot be deleted by Herald.',
    fix: 'Delete it in Slack yourself.',
    isTransient: false,
  },
  edit_window_closed: {
    message: 'The time allowed for editing this message has passed.',
    fix: 'Post a correction in the thread instead.',
    isTransient: false,
  },
  invalid_time: {
    message: 'Slack did not accept the scheduled time.',
    fix: 'Choose a time in the future, within 120 days.',
    isTransient: false,
  },
  restricted_too_many: {
    message: 'Slack allows at most 30 messages scheduled for one channel in the same five minutes.',
    fix: 'Move this message to a different time.',
    isTransient: false,
  },
  // Reading channels and history (conversations.*).
  invalid_cursor: {
    message: 'Slack lost Herald’s place in a long list.',
    fix: 'Refresh the list.',
    isTransient: true,
  },
  invalid_types: {
    message: 'Slack did not accept the kinds of channel Herald asked for.',
    fix: 'Report this problem.',
    isTransient: false,
  },
  invalid_limit: {
    message: 'Slack did not accept the page size Herald asked for.',
    fix: 'Report this problem.',
    isTransient: false,
  },
  invalid_ts_latest: {
    message: 'Slack did not accept a time Herald sent.',
    fix: 'Report this problem.',
    isTransient: false,
  },
  invalid_ts_oldest: {
    message: 'Slack did not accept a time Herald sent.',
    fix: 'Report this problem.',
    isTransient: false,
  },
  method_not_supported_for_channel_type: {
    message: 'Slack does not support this for that kind of channel.',
    fix: 'Choose a public or private channel.',
    isTransient: false,
  },
  // The workspace, the app and the token.
  access_denied: {
    message: 'Slack denied access.',
    fix: 'Ask a workspace admin to check the Herald app’s permissions.',
    isTransient: false,
  },
  accesslimited: {
    message: 'Slack limits access to this from your network or device.',
    fix: 'Ask a workspace admin about access restrictions.',
    isTransient: false,
  },
  org_login_required: {
    message: 'Your workspace is moving into an Enterprise organisation.',
    fix: 'Wait until the move is finished, then connect again.',
    isTransient: true,
  },
  team_added_to_org: {
    message: 'Your workspace is moving into an Enterprise organisation.',
    fix: 'Wait until the move is finished, then connect again.',
    isTransient: true,
  },
  enterprise_is_restricted: {
    message: 'Your Enterprise organisation restricts this.',
    fix: 'Ask a workspace admin.',
    isTransient: false,
  },
  two_factor_setup_required: {
    message: 'Your workspace requires two-factor authentication for this account.',
    fix: 'Set up two-factor authentication in Slack, then connect again.',
    isTransient: false,
  },
  user_is_bot: { message: 'A bot token cannot do this.', fix: 'Report this problem.', isTransient: false },
  deprecated_endpoint: {
    message: 'Slack no longer offers a method Herald used.',
    fix: 'Update Herald.',
    isTransient: false,
  },
  method_deprecated: {
    message: 'Slack no longer offers a method Herald used.',
    fix: 'Update Herald.',
    isTransient: false,
  },
  upgrade_required: {
    message: 'Slack requires a newer way of calling it.',
    fix: 'Update Herald.',
    isTransient: false,
  },
  // Herald's own name for “no token stored”.
  not_connected: {
    message: 'Slack is not connected.',
    fix: 'Connect Slack in Settings; queued messages wait until then.',
    isTransient: false,
  },
  // Herald's own names for failures below Slack's API.
  network_error: {
    message: 'Herald could not reach Slack.',
    fix: 'Check your connection; queued messages go out when Slack is reachable again.',
    isTransient: true,
  },
  http_error: {
    message: 'Slack answered with an unexpected HTTP error.',
    fix: 'Herald tries again shortly; check the Slack API address in Settings if it persists.',
    isTransient: true,
  },
};

export function explainSlackError(code: string): SlackErrorExplanation & { code: string } {
  const known = Object.hasOwn(explanations, code) ? explanations[code] : undefined;
  return {
    code,
    ...(known ?? {
      message: `Slack returned an error Herald does not recognise (“${code.slice(0, 60)}”).`,
      fix: 'Try again; if it persists, copy the message and report the error code.',
      isTransient: false,
    }),
  };
}
