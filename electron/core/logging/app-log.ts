// Where Herald's structured log goes when it runs as an app (the Electron
// shell or the browser harness): always to the log file in the data folder
// (rotated, read by "Copy diagnostics"), and to stderr only when asked for,
// so `npm start` shows a short human summary instead of JSON lines.
import { openLogFile } from './log-file.ts';
import { createLogger, type Logger } from './logger.ts';

export const VERBOSE_FLAG = '--verbose';
/** `HERALD_LOG=console` asks for the JSON lines on stderr too, like `--verbose`. */
export const LOG_ENV_VARIABLE = 'HERALD_LOG';

/** Whether the structured log should also go to the console: `--verbose`, or HERALD_LOG=console. */
export function wantsConsoleLog(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  return argv.includes(VERBOSE_FLAG) || env[LOG_ENV_VARIABLE]?.trim().toLowerCase() === 'console';
}

export interface AppLog {
  logger: Logger;
  /** The log file, for the start-up summary. */
  path: string;
}

export function openAppLog(
  logDir: string,
  options: { toConsole: boolean; writeConsole?: (line: string) => void },
): AppLog {
  const file = openLogFile(logDir);
  const writeConsole = options.writeConsole ?? ((line: string) => process.stderr.write(`${line}\n`));
  const logger = createLogger((line) => {
    file.append(line);
    if (options.toConsole) writeConsole(line);
  });
  return { logger, path: file.path };
}
