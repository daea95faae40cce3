// Which Slack Web API base URLs a token may be entered for in this run:
// Slack's own hosts (https only), plus the one URL the run was started with
// on the command line (--slack-api-url / HERALD_SLACK_API_URL in the harness,
// --slack-api-url in the desktop app), which is how tests reach the fake
// Slack. Nothing the renderer sends can add to this list.
import { z } from 'zod';
import { fail, ok, type Result } from '../../../shared/api/index.ts';
import { DEFAULT_SLACK_API_URL, normaliseApiUrl, SLACK_API_HOSTS } from '../../../shared/slack/api-hosts.ts';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The form of a Slack Web API base URL, for the command-line override: HTTPS,
 * or plain HTTP only on loopback where the test server lives, without
 * credentials, query or fragment. Normalised to end in a slash.
 */
const slackApiUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .refine((text) => {
    try {
      const url = new URL(text);
      if (url.username || url.password || url.search || url.hash) return false;
      return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
    } catch {
      return false;
    }
  }, 'must be an https:// URL (http:// only on 127.0.0.1 or localhost), without credentials, query or fragment')
  .transform((text) => (text.endsWith('/') ? text : `${text}/`));

export interface ApiUrlPolicy {
  /** Slack's own, then the override (first: the default for a new connection). */
  readonly allowed: readonly string[];
  readonly defaultUrl: string;
  isAllowed(apiUrl: string): boolean;
  /** The allowed URL `requested` names (normalised), or an invalid_argument naming apiUrl. */
  choose(requested: string | undefined): Result<string>;
}

export function createApiUrlPolicy(override: string | undefined): ApiUrlPolicy {
  const own = SLACK_API_HOSTS.map((host) => host.url);
  const allowed = override === undefined || own.includes(override as never) ? own : [override, ...own];
  const defaultUrl = override ?? DEFAULT_SLACK_API_URL;
  const isAllowed = (apiUrl: string) => allowed.includes(apiUrl);
  return {
    allowed,
    defaultUrl,
    isAllowed,
    choose(requested) {
      if (requested === undefined) return ok(defaultUrl);
      const normalised = normaliseApiUrl(requested);
      if (normalised !== null && isAllowed(normalised)) return ok(normalised);
      return fail(
        'invalid_argument',
        `Herald sends a Slack token only to Slack itself: ${own.join(' or ')}.`,
        {
          fix:
            override === undefined
              ? 'Choose Slack or GovSlack. Any other address is only for tests, given when Herald is started (--slack-api-url).'
              : `Choose Slack, GovSlack, or this run's ${override} (given with --slack-api-url).`,
          fields: ['apiUrl'],
        },
      );
    },
  };
}

/** The command-line override as given, checked: its normalised URL, or a sentence saying why it cannot be used. */
export function parseApiUrlOverride(text: string): Result<string, string> {
  const checked = slackApiUrlSchema.safeParse(text);
  if (!checked.success)
    return { ok: false, error: `The Slack API URL ${checked.error.issues[0]?.message ?? 'is invalid'}.` };
  return { ok: true, value: normaliseApiUrl(checked.data) ?? checked.data };
}

/**
 * The desktop app's override: `--slack-api-url=<url>` (or `--slack-api-url <url>`) on its command line, nothing
 * else (no environment variable: it must be as visible as the command that started Herald). Undefined when absent.
 */
export function apiUrlOverrideFromArgv(argv: readonly string[]): Result<string | undefined, string> {
  const index = argv.findIndex((arg) => arg === '--slack-api-url' || arg.startsWith('--slack-api-url='));
  if (index < 0) return { ok: true, value: undefined };
  const arg = argv[index]!;
  const text = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[index + 1];
  if (!text) return { ok: false, error: '--slack-api-url needs a URL.' };
  return parseApiUrlOverride(text);
}
