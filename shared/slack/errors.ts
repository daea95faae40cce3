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
  not_authed: { message: 'Slack did not receive a token.', fix: 'Connect Slack again in Settings.', isTransient: false },
  invalid_auth: { message: 'Slack did not accept the token.', fix: 'Check you copied the whole token, or create a new one, then connect again.', isTransient: false },
  account_inactive: { message: 'The Slack account or app behind this token has been deactivated.', fix: 'Ask a workspace admin to reinstall the Herald app, then connect with the new token.', isTransient: false },
  token_revoked: { message: 'This token has been revoked.', fix: 'Reinstall the Herald app in Slack and connect with the new token.', isTransient: false },
  token_expired: { message: 'This token has expired.', fix: 'Create a new token and connect again.', isTransient: false },
  no_permission: { message: 'The token is not allowed to do this.', fix: 'Ask a workspace admin to check the Herald app’s permissions.', isTransient: false },
  missing_scope: { message: 'The Slack app is missing a permission (scope) Herald needs.', fix: 'Add the scope in the Slack app settings (see the manifest in Herald’s README), reinstall, and reconnect.', isTransient: false },
  ekm_access_denied: { message: 'Your workspace’s key management blocked this request.', fix: 'Ask a workspace admin.', isTransient: false },
  team_access_not_granted: { message: 'The token has no access to this workspace.', fix: 'Install the Herald app in the workspace, then connect again.', isTransient: false },
  channel_not_found: { message: 'Slack cannot find that channel (or the app cannot see it).', fix: 'Check the channel name in the plan, or invite the Herald app to the private channel.', isTransient: false },
  not_in_channel: { message: 'The Herald app is not a member of that channel.', fix: 'In Slack, type /invite @Herald in the channel, then send again.', isTransient: false },
  is_archived: { message: 'That channel is archived.', fix: 'Choose another channel or ask for it to be unarchived.', isTransient: false },
  msg_too_long: { message: 'The message is longer than Slack allows.', fix: 'Shorten the message or split it into a thread.', isTransient: false },
  no_text: { message: 'The message has no text.', fix: 'Write something before sending.', isTransient: false },
  invalid_blocks: { message: 'Slack rejected the message layout.', fix: 'Send again; if it keeps failing, copy the text and report the problem.', isTransient: false },
  invalid_metadata_format: { message: 'Slack rejected the message’s tracking data.', fix: 'Report this problem; the message was not sent.', isTransient: false },
  restricted_action: { message: 'A workspace setting prevents posting to this channel.', fix: 'Ask a workspace admin, or post to another channel.', isTransient: false },
  cant_update_message: { message: 'This message can no longer be edited.', fix: 'Post a correction in the thread instead.', isTransient: false },
  message_not_found: { message: 'Slack cannot find that message.', fix: 'It may have been deleted; post it again.', isTransient: false },
  thread_not_found: { message: 'Slack cannot find the thread to reply to.', fix: 'The first message may have been deleted; post the update as a new message.', isTransient: false },
  time_in_past: { message: 'The scheduled time is in the past.', fix: 'Choose a time in the future.', isTransient: false },
  time_too_far: { message: 'Slack only schedules messages up to 120 days ahead.', fix: 'Choose an earlier time, or keep it as a draft.', isTransient: false },
  invalid_scheduled_message_id: { message: 'That scheduled message no longer exists in Slack.', fix: 'It may already have been sent or cancelled; check the channel.', isTransient: false },
  ratelimited: { message: 'Slack asked Herald to slow down.', fix: 'Nothing to do: the outbox waits and sends again.', isTransient: true },
  rate_limited: { message: 'Slack asked Herald to slow down.', fix: 'Nothing to do: the outbox waits and sends again.', isTransient: true },
  internal_error: { message: 'Slack had an internal error.', fix: 'Nothing to do: Herald tries again shortly.', isTransient: true },
  fatal_error: { message: 'Slack had a serious error.', fix: 'Herald tries again shortly; check status.slack.com if it persists.', isTransient: true },
  service_unavailable: { message: 'Slack is unavailable right now.', fix: 'Herald tries again shortly.', isTransient: true },
  request_timeout: { message: 'Slack took too long to answer.', fix: 'Herald checks whether the message arrived before trying again.', isTransient: true },
  unknown_method: { message: 'This Slack server does not know a method Herald uses.', fix: 'Check the Slack API address in Settings.', isTransient: false },
  // Herald's own names for failures below Slack's API.
  network_error: { message: 'Herald could not reach Slack.', fix: 'Check your connection; queued messages go out when Slack is reachable again.', isTransient: true },
  http_error: { message: 'Slack answered with an unexpected HTTP error.', fix: 'Herald tries again shortly; check the Slack API address in Settings if it persists.', isTransient: true },
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

export const knownSlackErrorCodes: readonly string[] = Object.keys(explanations);
