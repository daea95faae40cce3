// The few lines `npm start` / `npm run web` print once the harness serves:
// where to open it (the URL carries the one-off access token), where the data
// and the log are, which Slack it talks to, and how to stop it. The
// structured log goes to the log file, not here (see core/logging/app-log.ts).
import type { SlackStatus } from '../../shared/api/channels/slack.ts';

export interface StartupSummaryInput {
  /** The harness URL with its `#token=` fragment. */
  url: string;
  dataDir: string;
  logPath: string;
  slack: SlackStatus;
  testClock: boolean;
  logToConsole: boolean;
}

export function slackTarget(slack: SlackStatus): string {
  if (slack.problem) return `not usable: ${slack.problem}`;
  if (slack.connected && slack.identity) return `${slack.identity.workspace} at ${slack.apiUrl}`;
  return `not connected (Settings → Slack; a token can go to ${slack.allowedApiUrls.join(' or ')})`;
}

export function startupSummary(input: StartupSummaryInput): string {
  const clockNote = input.testClock ? ' (test clock ON)' : '';
  const logNote = input.logToConsole ? ' (also on this console)' : ' (--verbose prints it here too)';
  return [
    `Herald browser harness${clockNote} serving ${input.url}`,
    `  Open that address in a browser; it carries this run's access token.`,
    `  Data folder: ${input.dataDir}`,
    `  Log:         ${input.logPath}${logNote}`,
    `  Slack:       ${slackTarget(input.slack)}`,
    `  Stop:        Ctrl+C`,
  ].join('\n');
}
