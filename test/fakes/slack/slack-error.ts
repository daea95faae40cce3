// A Slack API error raised inside a method handler. The HTTP layer turns it
// into Slack's `{ ok: false, error, ...extra }` body with status 200, which is
// how Slack reports every failure except rate limiting.

export class SlackError extends Error {
  readonly code: string;
  readonly extra: Record<string, unknown>;

  constructor(code: string, extra: Record<string, unknown> = {}) {
    super(code);
    this.name = 'SlackError';
    this.code = code;
    this.extra = extra;
  }
}
