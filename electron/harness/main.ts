// Entry point of `npm run web` (bundled to dist/harness/harness.mjs).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openLogFile } from '../core/logging/log-file.ts';
import { createLogger } from '../core/logging/logger.ts';
import { HARNESS_USAGE, parseHarnessOptions } from './harness-options.ts';
import { startHarness } from './start-harness.ts';

declare const __HERALD_VERSION__: string;

async function main(): Promise<void> {
  const parsed = parseHarnessOptions(process.argv.slice(2));
  if (!parsed.ok) {
    process.stderr.write(`herald: ${parsed.message}\n`);
    process.exit(2);
  }
  if (parsed.help) {
    process.stdout.write(`${HARNESS_USAGE}\n`);
    return;
  }
  const staticDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer');
  if (!existsSync(join(staticDir, 'index.html'))) {
    process.stderr.write('herald: the renderer is not built yet. Run `npm run build` (npm run web does this for you).\n');
    process.exit(1);
  }
  // The log also goes to the data folder, so "Copy diagnostics" can include the last day of it.
  const logDir = join(parsed.options.dataDir, 'logs');
  const logFile = openLogFile(logDir);
  const logger = createLogger((line) => {
    process.stderr.write(`${line}\n`);
    logFile.append(line);
  });
  const harness = await startHarness(parsed.options, { logger, logDir, staticDir, version: __HERALD_VERSION__ });
  const clockNote = parsed.options.testClockStartMs === undefined ? '' : ' (test clock ON)';
  process.stdout.write(`Herald browser harness${clockNote} serving ${harness.server.url}\n`);
  process.stdout.write(`Data folder: ${parsed.options.dataDir}\n`);
  const stop = () => {
    void harness.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`herald: could not start the browser harness: ${message}\n`);
  process.exit(1);
});
