// Where a Slack token may go. A token is bound to one Web API base URL when
// it is entered (slack:connect) and only ever sent there; the choice is
// Slack's own hosts, plus the one URL a run was started with on the command
// line (--slack-api-url, which tests use for the fake Slack). Plain values
// (no zod): the Settings screen names the host the token is bound to.
/** Slack's own Web API base URLs, with the name the lead knows each by. */
export const SLACK_API_HOSTS = [
  { label: 'Slack', url: 'https://slack.com/api/' },
  { label: 'GovSlack', url: 'https://slack-gov.com/api/' },
] as const;

export const DEFAULT_SLACK_API_URL = SLACK_API_HOSTS[0].url;

/** A URL as Herald compares them: parsed and re-serialised, with a trailing slash; null when it is not a URL. */
export function normaliseApiUrl(text: string): string | null {
  try {
    const url = new URL(text.trim());
    const href = url.href;
    return href.endsWith('/') ? href : `${href}/`;
  } catch {
    return null;
  }
}

/** The name to show for an API URL: "Slack", "GovSlack", or the URL's host. */
export function apiHostLabel(apiUrl: string): string {
  const known = SLACK_API_HOSTS.find((host) => host.url === apiUrl);
  if (known) return known.label;
  try {
    return new URL(apiUrl).host;
  } catch {
    return apiUrl;
  }
}
