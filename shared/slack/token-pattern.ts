// The shape of a Slack token, as a plain value: the connect form checks it
// as the user types, and the contract's schema (shared/api/channels/slack.ts)
// checks it again in main.

/** A bot (xoxb-) or user (xoxp-) token. */
export const SLACK_TOKEN_PATTERN = /^xox[bp]-[A-Za-z0-9-]{8,250}$/;
