// Command-line options of the browser harness (`npm run web -- --port 0 …`).
// Bad input gets a clear message naming the option, never a stack trace.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Result } from '../../shared/api/result.ts';
import { wantsConsoleLog } from '../core/logging/app-log.ts';
import { parseApiUrlOverride } from '../core/slack/api-url-policy.ts';

export interface HarnessOptions {
  port: number;
  dataDir: string;
  slackApiUrl: string | undefined;
  /** Start instant of the test clock; undefined = no test clock (the default). */
  testClockStartMs: number | undefined;
  openBrowser: boolean;
  /** The structured log on stderr as well as in the data folder's logs/ (--verbose or HERALD_LOG=console). */
  logToConsole: boolean;
}

/** The options and whether --help was asked for, or the sentence naming the option that is wrong. */
export type ParsedOptions = Result<{ options: HarnessOptions; help: boolean }, string>;

export const HARNESS_USAGE = `Usage: npm run web -- [options]
  --port <n>             port on 127.0.0.1 (0 = any free port; default 5199)
  --data-dir <path>      where Herald keeps its data (default: a per-user folder)
  --slack-api-url <url>  tests only: also allow connecting Slack at this Web API base URL, and offer it first
                         (also HERALD_SLACK_API_URL); otherwise a token goes only to slack.com or slack-gov.com
  --test-clock[=<iso>]   tests only: a controllable clock, starting now or at <iso>
  --verbose              also print the structured log (JSON lines) on the console (also HERALD_LOG=console);
                         it is always written to <data folder>/logs/herald.log
  --help                 this text`;

export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (platform === 'darwin')
    return join(homedir(), 'Library', 'Application Support', 'Herald (browser harness)');
  if (platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Herald (browser harness)');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'herald-browser-harness');
}

export function parseHarnessOptions(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): ParsedOptions {
  let port = 5199;
  let dataDir = defaultDataDir(env);
  let slackApiUrl = env.HERALD_SLACK_API_URL || undefined;
  let testClockStartMs: number | undefined;
  let help = false;
  let logToConsole = wantsConsoleLog([], env);
  for (let index = 0; index < argv.length; index++) {
    const raw = argv[index] ?? '';
    const [flag, inlineValue] = raw.includes('=')
      ? [raw.slice(0, raw.indexOf('=')), raw.slice(raw.indexOf('=') + 1)]
      : [raw, undefined];
    const value = (): string | undefined => inlineValue ?? argv[++index];
    switch (flag) {
      case '--port': {
        const text = value();
        const parsed = Number(text);
        if (!text || !Number.isInteger(parsed) || parsed < 0 || parsed > 65535)
          return { ok: false, error: `--port needs a whole number from 0 to 65535, not "${text ?? ''}".` };
        port = parsed;
        break;
      }
      case '--data-dir': {
        const text = value();
        if (!text) return { ok: false, error: '--data-dir needs a folder path.' };
        dataDir = resolve(text);
        break;
      }
      case '--slack-api-url': {
        const text = value();
        if (!text) return { ok: false, error: '--slack-api-url needs a URL.' };
        slackApiUrl = text;
        break;
      }
      case '--test-clock': {
        const startMs = inlineValue === undefined ? Date.now() : Date.parse(inlineValue);
        if (Number.isNaN(startMs))
          return {
            ok: false,
            error: `--test-clock takes an ISO instant such as 2026-04-20T09:00:00Z, not "${inlineValue ?? ''}".`,
          };
        testClockStartMs = startMs;
        break;
      }
      case '--verbose':
        logToConsole = true;
        break;
      case '--help':
      case '-h':
        help = true;
        break;
      default:
        return { ok: false, error: `Unknown option "${raw}".\n${HARNESS_USAGE}` };
    }
  }
  if (slackApiUrl !== undefined) {
    const checked = parseApiUrlOverride(slackApiUrl);
    if (!checked.ok) return { ok: false, error: checked.error };
    slackApiUrl = checked.value;
  }
  return {
    ok: true,
    value: {
      help,
      options: { port, dataDir, slackApiUrl, testClockStartMs, openBrowser: false, logToConsole },
    },
  };
}
