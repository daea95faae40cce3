// Starts the browser harness: real core services over `conf` file stores in
// the data folder, the key-file secret box, the system clock (or a test clock
// when asked), and the HTTP transport with a fresh per-run token.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import Conf from 'conf';
import { createSystemClock } from '../core/clock/clock.ts';
import { createTestClock } from '../core/clock/test-clock.ts';
import { createCore, type Core } from '../core/create-core.ts';
import type { Logger } from '../core/logging/logger.ts';
import { createKeyFileSecretBox } from '../core/secrets/key-file-secret-box.ts';
import type { ConfFactory } from '../core/storage/conf-like.ts';
import type { HarnessOptions } from './harness-options.ts';
import { startHarnessServer, type HarnessServer } from './http-transport.ts';

export const createConfBackend: ConfFactory = ({ cwd, name }) =>
  new Conf<Record<string, unknown>>({ cwd, configName: name, clearInvalidConfig: false });

export interface RunningHarness {
  server: HarnessServer;
  core: Core;
  close(): Promise<void>;
}

export async function startHarness(
  options: HarnessOptions,
  deps: {
    logger: Logger;
    staticDir: string;
    version: string;
    /** Where the logger also writes, for diagnostics. */ logDir?: string;
  },
): Promise<RunningHarness> {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const testClock =
    options.testClockStartMs === undefined ? undefined : createTestClock(options.testClockStartMs);
  const core = createCore({
    host: 'browser-harness',
    version: deps.version,
    dataDir: options.dataDir,
    createBackend: createConfBackend,
    secretBox: createKeyFileSecretBox(options.dataDir),
    clock: testClock ?? createSystemClock(),
    logger: deps.logger,
    logDir: deps.logDir ?? null,
    // The harness has no crash reporter; the diagnostics bundle says so.
    crashDumpsDir: null,
    ...(testClock ? { testClock } : {}),
    ...(options.slackApiUrl ? { slackApiUrlOverride: options.slackApiUrl } : {}),
  });
  core.start();
  const server = await startHarnessServer({
    router: core.router,
    bus: core.bus,
    logger: deps.logger,
    token: randomBytes(24).toString('base64url'),
    staticDir: deps.staticDir,
    port: options.port,
  });
  return {
    server,
    core,
    close: async () => {
      core.stop();
      await server.close();
    },
  };
}
