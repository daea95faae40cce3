// Entry point of `npm run web` (bundled to dist/harness/harness.mjs).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openAppLog } from '../core/logging/app-log.ts';
import { HARNESS_USAGE, parseHarnessOptions } from './harness-options.ts';
import { startHarness } from './start-harness.ts';
import { startupSummary } from './startup-summary.ts';

declare const __HERALD_VERSION__: string;

async function main(): Promise<void> {
  const read = parseHarnessOptions(process.argv.slice(2));
  if (!read.ok) {
    process.stderr.write(`herald: ${read.error}\n`);
    process.exit(2);
  }
  const parsed = read.value;
  if (parsed.help) {
    process.stdout.write(`${HARNESS_USAGE}\n`);
    return;
  }
  const staticDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer');
  if (!existsSync(join(staticDir, 'index.html'))) {
    process.stderr.write(
      'herald: the renderer is not built yet. Run `npm run build` (npm run web does this for you).\n',
    );
    process.exit(1);
  }
  // The log goes to the data folder (so "Copy diagnostics" can include the last day of it), and to stderr only with --verbose.
  const logDir = join(parsed.options.dataDir, 'logs');
  const { logger, path: logPath } = openAppLog(logDir, { toConsole: parsed.options.logToConsole });
  const harness = await startHarness(parsed.options, {
    logger,
    logDir,
    staticDir,
    version: __HERALD_VERSION__,
  });
  const summary = startupSummary({
    url: harness.server.url,
    dataDir: parsed.options.dataDir,
    logPath,
    slack: await harness.core.slack.status(),
    testClock: parsed.options.testClockStartMs !== undefined,
    logToConsole: parsed.options.logToConsole,
  });
  process.stdout.write(`${summary}\n`);
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
